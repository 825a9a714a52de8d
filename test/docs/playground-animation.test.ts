// The playground animates a traced run's topology, with code it loads only then: no file of the
// animation is fetched before a traced run is shown. The scrubber moves the view, and the status line
// is the trace's state at the time shown (the trace the engine gives here, in Node, for the same
// scenario), with no error under the site's Content-Security-Policy; the page passes axe-core with
// the animation on it.
import { frameAt, frameState, topologyFrames, topologyLayout } from "@syslab/charts";
import { frameSummary } from "@syslab/charts/topology-player";
import { canonicalScenario, parseScenario, simulate } from "@syslab/sim-core";
import { describe, expect, it } from "vitest";
import { tracedTopologyScenario } from "../support/traced-topology";
import { axeViolations } from "./support/axe";
import { chromiumAvailable, openPage } from "./support/browser";
import { useDocsBrowser } from "./support/docs-browser";
import { setEditorText } from "./support/playground-page";

const enabled = chromiumAvailable();

describe.runIf(enabled)("the playground's topology animation", () => {
  const docs = useDocsBrowser();

  it("loads on the first traced run, and its scrubber shows the trace's state", async () => {
    const scenario = tracedTopologyScenario("2s");
    const { page, errors, close } = await openPage(docs.browser, `${docs.origin}/playground/`, {
      consoleErrors: true,
    });
    const fetched: string[] = [];
    page.on("request", (request) => fetched.push(request.url()));
    await page.locator(".cm-content").waitFor();
    expect(fetched.filter((url) => url.includes("topology"))).toEqual([]);
    expect(await page.locator("[data-topology]").isHidden()).toBe(true);

    await setEditorText(page, JSON.stringify(scenario, null, 2));
    await page.getByRole("button", { name: "Run", exact: true }).click();
    const figure = page.locator('[data-topology][data-animation="ready"]');
    await figure.waitFor({ timeout: 60_000 });
    expect(fetched.filter((url) => /topology-view[\w.-]*\.js$/.test(url)).length).toBe(1);

    const parsed = parseScenario(scenario);
    if (!parsed.ok) throw new Error("the scenario is valid");
    const layout = topologyLayout(canonicalScenario(parsed.scenario))!;
    const frames = topologyFrames(layout, simulate(scenario).trace!.requests);
    const state = frameState(frames);
    expect(await figure.locator("svg title").textContent()).toBe(
      "Topology: clients → lb, lb → web1, lb → web2, web1 → pool, web2 → pool, pool → db",
    );

    const slider = figure.getByRole("slider", { name: "Time" });
    const before = await figure.locator("canvas").evaluate((c) => (c as HTMLCanvasElement).toDataURL());
    await slider.fill("800");
    const t = Number(await figure.getAttribute("data-time"));
    expect(t).toBe(frames.start + 0.8);
    expect(await figure.locator("[data-topology-status]").textContent()).toBe(
      frameSummary(frameAt(frames, t, state), frames.start),
    );
    const after = await figure.locator("canvas").evaluate((c) => (c as HTMLCanvasElement).toDataURL());
    expect(state.visible > 0 ? after !== before : after === before).toBe(true);

    // Under the site's Content-Security-Policy: no error, the lazy chunk included.
    expect(errors).toEqual([]);
    await close();
  });

  it("passes axe-core with the animation on the page", async () => {
    // bypassCSP: the site's policy rightly refuses the inline script axe-core is injected as.
    const context = await docs.browser.newContext({
      bypassCSP: true,
      viewport: { width: 1280, height: 1000 },
    });
    const page = await context.newPage();
    await page.goto(`${docs.origin}/playground/`);
    await page.locator(".cm-content").waitFor();
    await setEditorText(page, JSON.stringify(tracedTopologyScenario("2s"), null, 2));
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page.locator('[data-topology][data-animation="ready"]').waitFor({ timeout: 60_000 });
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
