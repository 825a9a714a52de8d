// A traced run's share page animates its topology in a real browser: the diagram the server drew
// gets a canvas of moving requests and controls; moving the scrubber, stepping and playing change
// the time, the drawing and the status line, which says what the trace says at that time. It passes
// axe-core, breaks no rule of the page's Content-Security-Policy, and without JavaScript shows the
// diagram alone.
import { mkdirSync } from "node:fs";
import {
  frameAt,
  frameState,
  stepTime,
  type TopologyLayout,
  topologyFrames,
  topologyLayout,
} from "@syslab/charts";
import { frameSummary } from "@syslab/charts/topology-player";
import { canonicalScenario, parseScenario } from "@syslab/sim-core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { axeViolations } from "../../docs/support/axe";
import { chromiumAvailable, launchChromium } from "../../docs/support/browser";
import { cspViolations, recordCspViolations } from "../../docs/support/csp-violations";
import { tracedTopologyScenario } from "../../support/traced-topology";
import {
  type ApiServer,
  killAllServers,
  postJson,
  removeDataDir,
  startApiServer,
} from "../support/api-server";

const enabled = chromiumAvailable();
const scenario = tracedTopologyScenario("3s");

describe.runIf(enabled)("a traced run's share page animates its topology", () => {
  let server: ApiServer;
  let browser: Browser;
  let id: string;
  let run: { result: { trace: { requests: Parameters<typeof topologyFrames>[1] } } };

  beforeAll(async () => {
    server = await startApiServer({ env: { RATE_LIMIT: "0" } });
    browser = await launchChromium();
    const created = await postJson(`${server.url}/v1/runs`, scenario);
    expect(created.status).toBe(201);
    id = (await created.json()).id;
    run = await (await fetch(`${server.url}/v1/runs/${id}?wait=60`)).json();
    expect(run.result.trace.requests.length).toBeGreaterThan(400);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await killAllServers();
    if (server) removeDataDir(server.dataDir);
  });

  /** The page, animated, in a context that records Content-Security-Policy violations. */
  async function openAnimated(): Promise<{ page: Page; close: () => Promise<void> }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await recordCspViolations(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/r/${id}`);
    await page.locator('figure.topology[data-animation="ready"]').waitFor({ timeout: 30_000 });
    return { page, close: () => context.close() };
  }

  const canvasPixels = (page: Page) =>
    page.locator("[data-topology-canvas]").evaluate((c) => (c as HTMLCanvasElement).toDataURL());
  const shownTime = async (page: Page) =>
    Number(await page.locator("figure.topology").getAttribute("data-time"));
  const status = (page: Page) => page.locator("[data-topology-status]").textContent();

  test("the scrubber, step and play move the view, and the status line is the trace's state at that time", async () => {
    const { page, close } = await openAnimated();
    // The layout the page animates over is the one the server computes from the scenario.
    const layout = JSON.parse(
      (await page.locator("figure.topology").getAttribute("data-layout")) ?? "",
    ) as TopologyLayout;
    const parsed = parseScenario(scenario);
    if (!parsed.ok) throw new Error("the scenario is valid");
    expect(layout).toEqual(topologyLayout(canonicalScenario(parsed.scenario)));
    const frames = topologyFrames(layout, run.result.trace.requests);
    const state = frameState(frames);
    const expected = (t: number) => frameSummary(frameAt(frames, t, state), frames.start);

    expect(await shownTime(page)).toBe(frames.start);
    expect(await status(page)).toBe(expected(frames.start));
    const before = await canvasPixels(page);

    // Scrub to the busiest millisecond (the slider's value is milliseconds from the window's start).
    const slider = page.getByRole("slider", { name: "Time" });
    const max = Number(await slider.getAttribute("max"));
    let busiest = 0;
    for (let ms = 0, most = -1; ms <= max; ms++) {
      const n = frameAt(frames, frames.start + ms / 1000, state).inFlight;
      if (n > most) [busiest, most] = [ms, n];
    }
    await slider.fill(String(busiest));
    const scrubbed = await shownTime(page);
    expect(scrubbed).toBe(frames.start + busiest / 1000);
    const line = await status(page);
    expect(line).toBe(expected(scrubbed));
    expect(line).toMatch(/^t = \d+\.\d{3} s, \d+ requests in flight$/);
    expect(state.inFlight).toBeGreaterThan(5);
    const scrubbedPixels = await canvasPixels(page);
    expect(scrubbedPixels).not.toBe(before);

    // A frame, captured for a person to look at (test-results/ is not committed).
    mkdirSync("test-results", { recursive: true });
    const png = await page.locator("figure.topology").screenshot({ path: "test-results/topology-frame.png" });
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.length).toBeGreaterThan(5_000);

    // Keyboard: the slider moves by a millisecond per arrow; Step goes to the next event.
    await slider.press("ArrowRight");
    expect(await shownTime(page)).toBe(frames.start + (busiest + 1) / 1000);
    expect(await status(page)).toBe(expected(frames.start + (busiest + 1) / 1000));
    await page.getByRole("button", { name: "Step", exact: true }).focus();
    await page.keyboard.press("Enter");
    const stepped = await shownTime(page);
    expect(stepped).toBe(stepTime(frames, frames.start + (busiest + 1) / 1000, 1));
    expect(await status(page)).toBe(expected(stepped));
    await page.getByRole("button", { name: "Step back" }).click();
    expect(await shownTime(page)).toBe(stepTime(frames, stepped, -1));

    // Play runs time forward by requestAnimationFrame until paused.
    await page.getByRole("combobox", { name: "Speed", exact: true }).selectOption("0.25");
    const play = page.getByRole("button", { name: "Play" });
    await play.click();
    const from = await shownTime(page);
    await expect.poll(() => shownTime(page), { timeout: 10_000 }).toBeGreaterThan(from + 0.05);
    await page.getByRole("button", { name: "Pause" }).click();
    const paused = await shownTime(page);
    expect(await status(page)).toBe(expected(paused));
    expect(await page.getByRole("button", { name: "Play" }).getAttribute("aria-pressed")).toBe("false");

    expect(await cspViolations(page)).toEqual([]);
    await close();
  });

  test("the animated page passes axe-core", async () => {
    // bypassCSP: the page's policy rightly refuses the inline script axe-core is injected as.
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/r/${id}`);
    await page.locator('figure.topology[data-animation="ready"]').waitFor({ timeout: 30_000 });
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  test("without JavaScript the page shows the topology diagram alone", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/r/${id}`);
    expect(await page.locator("figure.topology svg title").textContent()).toBe(
      "Topology: clients → lb, lb → web1, lb → web2, web1 → pool, web2 → pool, pool → db",
    );
    expect(await page.locator("figure.topology [data-node]").count()).toBe(6);
    expect(await page.locator("[data-topology-canvas], [data-topology-status], button").count()).toBe(0);
    await context.close();
  });
});
