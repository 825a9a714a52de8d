// The playground after a traced run: the waterfall of the slowest traced request and the breakdown
// by latency band, drawn by the same module as the share page, from the run the browser computed —
// the run Node computes for the same scenario, request for request. axe-core finds no violation on
// them in either theme, and an untraced run that follows takes them away.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Result, simulate } from "@syslab/sim-core";
import { describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe";
import { chromiumAvailable } from "./support/browser";
import { useDocsBrowser } from "./support/docs-browser";
import { ROOT } from "./support/docs-server";
import { setEditorText } from "./support/playground-page";

const example = JSON.parse(readFileSync(join(ROOT, "examples/servers/pool-queue-full.json"), "utf8"));
const scenario = { ...example, run: { duration: "3s", warmup: "1s", trace: { sample: 0.5 } } };

describe.runIf(chromiumAvailable())("the playground's trace figures", () => {
  const docs = useDocsBrowser();

  it("shows the slowest traced request's visits and each band's shares, as Node computes them", async () => {
    const expected: Result = simulate(scenario);
    const trace = expected.trace!;
    const slowest = trace.requests
      .filter((r) => r.outcome === "completed")
      .reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));

    for (const theme of ["light", "dark"] as const) {
      // bypassCSP: axe-core is injected as an inline script, which the site's policy refuses.
      const context = await docs.browser.newContext({
        viewport: { width: 1280, height: 900 },
        colorScheme: theme,
        bypassCSP: true,
      });
      await context.addInitScript((t) => localStorage.setItem("syslab-theme", t), theme);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(`${docs.origin}/playground/`, { waitUntil: "load" });
      await page.locator(".cm-content").waitFor();
      await setEditorText(page, JSON.stringify(scenario, null, 2));
      await page.click("[data-action=run]");
      const figure = page.locator("[data-trace] figure[data-trace-waterfall]");
      await figure.waitFor({ timeout: 30_000 });
      expect(await page.locator("[data-trace]").isVisible()).toBe(true);
      expect(await figure.getAttribute("data-request")).toBe(String(slowest.id));
      expect((await figure.locator("svg").boundingBox())!.width).toBeGreaterThan(300);

      const visits = await figure.locator("g.visit").evaluateAll((groups) =>
        groups.map((g) => {
          const d = (g as SVGGElement).dataset;
          return { component: d.component, start: Number(d.start), duration: Number(d.duration) };
        }),
      );
      const spans = [...slowest.spans].sort((a, b) => a.start - b.start || a.depth - b.depth);
      expect(visits.map((v) => v.component)).toEqual(spans.map((s) => s.component));
      visits.forEach((visit, i) => {
        expect(visit.start).toBeCloseTo(spans[i]!.start - slowest.start, 9);
        expect(visit.duration).toBeCloseTo(spans[i]!.end - spans[i]!.start, 9);
      });
      const latency = Number(await figure.locator("g.request").getAttribute("data-duration"));
      expect(latency).toBeCloseTo(slowest.end - slowest.start, 9);

      const shares = await page
        .locator("figure[data-trace-breakdown] g.band")
        .evaluateAll((bands) =>
          bands.map((band) => [
            (band as SVGGElement).dataset.band,
            Object.fromEntries(
              [...band.querySelectorAll("rect")].map((r) => [r.dataset.cause, Number(r.dataset.share)]),
            ),
          ]),
        );
      expect(shares).toEqual(
        (["p50", "p90", "p99"] as const).map((key) => [
          `${key} band`,
          Object.fromEntries(Object.entries(trace.breakdown.bands[key].share).filter(([, s]) => s > 0)),
        ]),
      );
      expect(await page.locator('[data-field="trace.requests"] + td').textContent()).toBe(
        `${trace.requests.length} traced requests (the slowest is drawn above)`,
      );
      expect(await axeViolations(page)).toEqual([]);

      // An untraced run takes the figures away.
      await setEditorText(
        page,
        JSON.stringify({ ...scenario, run: { duration: "2s", warmup: "1s" } }, null, 2),
      );
      await page.click("[data-action=run]");
      // The table is the new run's once it lists no trace.
      await expect
        .poll(() => page.locator('[data-field="trace.sample"]').count(), { timeout: 30_000 })
        .toBe(0);
      expect(await page.locator('[data-field="latency.mean"]').count()).toBe(1);
      expect(await page.locator("[data-trace]").isHidden()).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    }
  }, 120_000);
});
