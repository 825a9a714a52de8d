// The load-balancing page in a browser: what its dead-backend and retry widgets show, before and
// after a reader changes a control, against the figures the theory gives.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedFailures } from "../../../apps/docs/src/widgets/backend-dies";
import { chromiumAvailable, launchChromium } from "../support/browser";
import { type DocsServer, startDocsServer } from "../support/docs-server";
import { waitForNewNumbers, widgetState } from "../support/widget-page";

const enabled = chromiumAvailable();
const PAGE = "/notes/load-balancing-and-dns/";

/** The widget's key numbers as the page shows them: the value behind each, by id. */
async function shown(page: Page, widget: string): Promise<Record<string, number>> {
  const cells = await page
    .locator(`[data-widget="${widget}"] [data-number]`)
    .evaluateAll((all) =>
      all.map((c) => [c.getAttribute("data-number")!, Number(c.getAttribute("data-value"))]),
    );
  return Object.fromEntries(cells);
}

async function choose(page: Page, widget: string, control: string, value: string): Promise<void> {
  const before = (await widgetState(page, widget)).numbers;
  await page.locator(`[data-widget="${widget}"] [name="${control}"]`).selectOption(value);
  await waitForNewNumbers(page, widget, before);
}

describe.runIf(enabled)("the load-balancing page's failure widgets in a browser", () => {
  let server: DocsServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startDocsServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows, without JavaScript, more failures without health checks and five attempts per request without a budget", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}${PAGE}`);
    const dies = await shown(page, "backend-dies");
    // Checks every 2 s, fall 3: 100/s × 1/4 × 5 s = 125 fail; no checks: × 60 s = 1500.
    expect(Math.abs(dies.failed! - 125)).toBeLessThan(4 * Math.sqrt(125));
    expect(dies["failed-without-checks"]!).toBeGreaterThan(10 * dies.failed!);
    expect(dies["failed-passive"]!).toBeLessThan(dies.failed!);
    expect((await shown(page, "retry-amplification")).amplification).toBe(5);
    await context.close();
  });

  it("reruns in the browser: slower checks lose more requests, and a budget caps the retries", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}${PAGE}`);
    await choose(page, "backend-dies", "interval", "10");
    await choose(page, "backend-dies", "fall", "5");
    const failed = (await shown(page, "backend-dies")).failed!;
    expect(Math.abs(failed - expectedFailures(10, 5))).toBeLessThan(4 * Math.sqrt(expectedFailures(10, 5)));
    await choose(page, "retry-amplification", "budget", "0.1");
    expect(Math.abs((await shown(page, "retry-amplification")).amplification! - 1.1)).toBeLessThan(0.01);
    await context.close();
  }, 120_000);
});
