// The load-balancing page in a browser: what its dead-backend, retry, retry-storm and consistent-hashing
// widgets show, before and after a reader changes a control, against the figures the theory gives.
import { describe, expect, it } from "vitest";
import { expectedFailures } from "../../../apps/docs/src/widgets/backend-dies";
import { KEYS } from "../../../apps/docs/src/widgets/consistent-hashing";
import { BUDGET, RATE } from "../../../apps/docs/src/widgets/retry-storm";
import { chromiumAvailable } from "../support/browser";
import { useDocsBrowser } from "../support/docs-browser";
import { chooseOption, shownValues } from "../support/widget-page";

const enabled = chromiumAvailable();
const PAGE = "/notes/load-balancing-and-dns/";

describe.runIf(enabled)("the load-balancing page's consistent-hashing widget in a browser", () => {
  const site = useDocsBrowser();
  const WIDGET = "consistent-hashing";
  /** 4 binomial sds of a share p of KEYS keys; a ring's share adds its arc's sd with v points per backend. */
  const within = (shown: number, p: number, v = Number.POSITIVE_INFINITY, n = 1 / p) =>
    Math.abs(shown - p) < 4 * Math.sqrt((p * (1 - p)) / KEYS + (p * (1 - p)) / (n * v + 1));

  it("shows, without JavaScript, the pre-rendered chart and 80 % moved by modulo against 20 % by the ring", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.origin}${PAGE}`);
    const root = page.locator(`[data-widget="${WIDGET}"]`);
    expect(await root.locator('[data-chart="0"] svg title').first().textContent()).toBe(
      "Share of keys that move when a backend is added",
    );
    expect(await root.locator("canvas").count()).toBe(0);
    expect(await root.locator('[data-summary="0"]').textContent()).toMatch(/^Going from 4 to 5 backends/);
    const shown = await shownValues(page, WIDGET);
    expect(within(shown["moved-modulo"]!, 4 / 5)).toBe(true);
    expect(within(shown["moved-ring"]!, 1 / 5, 160)).toBe(true);
    // The hot key's backend is past its capacity without a bound, and not with c = 1.25.
    expect(shown["busiest-share-unbounded"]!).toBeGreaterThan(1 / 6);
    expect(shown["busiest-share"]!).toBeLessThan(1.25 / 8);
    expect(shown["p99-unbounded"]!).toBeGreaterThan(1);
    expect(shown["p99-latency"]!).toBeLessThan(0.1);
    await context.close();
  });

  it("reruns in the Worker: each control redraws its chart, more backends move fewer keys, no bound overloads the hot key's backend", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.origin}${PAGE}`);
    const root = page.locator(`[data-widget="${WIDGET}"]`);
    const drawn = await chooseOption(page, WIDGET, "virtualNodes", "1000");
    expect(drawn.charts.every((c) => c.startsWith("data:image/png"))).toBe(true); // uPlot drew them all
    // More backends: the numbers and the spread chart's chosen point move; the moved-keys chart shows every N already.
    const more = await chooseOption(page, WIDGET, "backends", "10");
    expect(more.charts[1]).not.toBe(drawn.charts[1]);
    expect(await root.locator('[data-summary="0"]').textContent()).toMatch(/^Going from 10 to 11 backends/);
    const shown = await shownValues(page, WIDGET);
    expect(within(shown["moved-modulo"]!, 10 / 11)).toBe(true);
    expect(within(shown["moved-ring"]!, 1 / 11, 1000)).toBe(true);
    // One virtual node: the emphasised line of the moved-keys chart changes, and the spread widens.
    const few = await chooseOption(page, WIDGET, "virtualNodes", "1");
    expect(few.charts[0]).not.toBe(more.charts[0]);
    expect((await shownValues(page, WIDGET))["key-spread"]!).toBeGreaterThan(shown["key-spread"]!);
    await chooseOption(page, WIDGET, "bound", "none");
    const free = await shownValues(page, WIDGET);
    expect(free["busiest-share"]).toBe(free["busiest-share-unbounded"]);
    expect(free["p99-latency"]!).toBeGreaterThan(1);
    expect(await root.locator("[data-announce]").textContent()).toContain("No bound: p99 latency");
    await context.close();
  }, 120_000);
});

describe.runIf(enabled)("the load-balancing page's failure widgets in a browser", () => {
  const site = useDocsBrowser();

  it("shows, without JavaScript, more failures without health checks and five attempts per request without a budget", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.origin}${PAGE}`);
    const dies = await shownValues(page, "backend-dies");
    // Checks every 2 s, fall 3: 100/s × 1/4 × 5 s = 125 fail; no checks: × 60 s = 1500.
    expect(Math.abs(dies.failed! - 125)).toBeLessThan(4 * Math.sqrt(125));
    expect(dies["failed-without-checks"]!).toBeGreaterThan(10 * dies.failed!);
    expect(dies["failed-passive"]!).toBeLessThan(dies.failed!);
    expect((await shownValues(page, "retry-amplification")).amplification).toBe(5);
    // The storm: full-jitter retries after a 5× crowd never let goodput back within the run.
    const storm = await shownValues(page, "retry-storm");
    expect(storm.recovery).toBe(Number.POSITIVE_INFINITY);
    expect(storm.amplification!).toBeGreaterThan(2.4);
    expect(storm["goodput-end"]!).toBeLessThan(0.05 * RATE);
    const text = await page.locator('[data-widget="retry-storm"] [data-number="recovery"]').textContent();
    expect(text).toBe("not within the 49 s left");
    // Both charts are there as SVG, each with its sentence and its data table.
    expect(await page.locator('[data-widget="retry-storm"] [data-chart] svg').count()).toBe(2);
    expect(await page.locator('[data-widget="retry-storm"] table').count()).toBe(2);
    await context.close();
  });

  it("reruns in the browser: slower checks lose more requests, and a budget caps the retries", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.origin}${PAGE}`);
    await chooseOption(page, "backend-dies", "interval", "10");
    await chooseOption(page, "backend-dies", "fall", "5");
    const failed = (await shownValues(page, "backend-dies")).failed!;
    expect(Math.abs(failed - expectedFailures(10, 5))).toBeLessThan(4 * Math.sqrt(expectedFailures(10, 5)));
    await chooseOption(page, "retry-amplification", "budget", "0.1");
    expect(Math.abs((await shownValues(page, "retry-amplification")).amplification! - 1.1)).toBeLessThan(
      0.01,
    );
    await context.close();
  }, 120_000);

  it("reruns the retry storm: a budget lets goodput return, and no jitter makes the echoes busier", async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.origin}${PAGE}`);
    const fullJitter = await shownValues(page, "retry-storm");
    await chooseOption(page, "retry-storm", "retries", "budget");
    const budget = await shownValues(page, "retry-storm");
    expect(budget.amplification!).toBeLessThanOrEqual(1 + BUDGET);
    expect(Number.isFinite(budget.recovery)).toBe(true);
    expect(budget["goodput-end"]!).toBeGreaterThan(0.75 * RATE);
    expect(await page.locator('[data-widget="retry-storm"] [data-announce]').textContent()).not.toBe("");
    await chooseOption(page, "retry-storm", "retries", "no-jitter");
    const none = await shownValues(page, "retry-storm");
    // Two counts of a few hundred: the echo is higher by more than twice the noise of their difference.
    const noise = 2 * Math.sqrt(none["peak-attempts"]! + fullJitter["peak-attempts"]!);
    expect(none["peak-attempts"]! - fullJitter["peak-attempts"]!).toBeGreaterThan(noise);
    expect(none.recovery).toBe(Number.POSITIVE_INFINITY);
    // A small crowd starts no storm, even with retries.
    await chooseOption(page, "retry-storm", "crowd", "2");
    const small = await shownValues(page, "retry-storm");
    expect(small.amplification).toBe(1);
    expect(small.recovery).toBe(0);
    await context.close();
  }, 120_000);
});
