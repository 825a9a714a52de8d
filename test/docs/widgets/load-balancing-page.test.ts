// The load-balancing page in a browser: what its dead-backend and retry widgets show, before and
// after a reader changes a control, against the figures the theory gives.
import { describe, expect, it } from "vitest";
import { expectedFailures } from "../../../apps/docs/src/widgets/backend-dies";
import { chromiumAvailable } from "../support/browser";
import { useDocsBrowser } from "../support/docs-browser";
import { chooseOption, shownValues } from "../support/widget-page";

const enabled = chromiumAvailable();
const PAGE = "/notes/load-balancing-and-dns/";

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
});
