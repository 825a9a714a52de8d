// The head-of-line, consumer-lag and dead-letters widgets in a real browser: what the page shows after a reader
// changes a control is what the theory says (consumers beyond the partitions change nothing; prefetch 1
// with late acks is one shared line; poison messages cost attempts × time per attempt).
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { chromiumAvailable } from "../support/browser";
import { useDocsBrowser } from "../support/docs-browser";
import { chooseOption, shownValues } from "../support/widget-page";

/** Picks `value` in the widget's select `name`, waits for the new run and returns its numbers. */
async function choose(
  page: Page,
  widget: string,
  name: string,
  value: string,
): Promise<Record<string, number>> {
  await chooseOption(page, widget, name, value);
  return shownValues(page, widget);
}

describe.runIf(chromiumAvailable())("job widgets in a browser", () => {
  const site = useDocsBrowser();

  it("consumer-lag: past the partition count a consumer idles and the lag is the same", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/notes/message-queues-and-streams/`, { waitUntil: "load" });
    const one = await choose(page, "consumer-lag", "consumers", "1");
    // 480 records/s against one consumer of 100/s: the lag grows by about 380 a second.
    expect(one["growth-theory"]).toBe(380);
    expect(Math.abs(one.growth! - 380)).toBeLessThan(12);
    const four = await choose(page, "consumer-lag", "consumers", "4");
    const six = await choose(page, "consumer-lag", "consumers", "6");
    expect(four.idle).toBe(0);
    expect(six.idle).toBe(2);
    expect(six["max-lag"]).toBe(four["max-lag"]);
    expect(six.consumed).toBe(four.consumed);
    await page.close();
  }, 120_000);

  it("head-of-line: late acks with prefetch 1 show the shared line's figure, prefetch 8 far more", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/notes/background-jobs-brokers-polling/`, { waitUntil: "load" });
    const one = await choose(page, "head-of-line", "prefetch", "1");
    expect(one.reserved).toBe(0);
    expect(one["short-latency"]).toBe(one["shared-line"]);
    const eight = await choose(page, "head-of-line", "prefetch", "8");
    expect(eight["short-latency"]!).toBeGreaterThan(1.5 * one["short-latency"]!);
    await page.close();
  }, 120_000);

  it("dead-letters: every poison message is parked after maxReceives attempts of worker time", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/notes/background-jobs-brokers-polling/`, { waitUntil: "load" });
    const five = await choose(page, "dead-letters", "receives", "5");
    // Redrive: each poison message hangs its process for 10 s on each of its 5 receives.
    expect(Math.abs(five["poison-time"]! - five.parked! * 5 * 10)).toBeLessThan(0.01);
    const retry = await choose(page, "dead-letters", "mode", "retry");
    // Retries: each of the 5 attempts raises after 100 ms.
    expect(Math.abs(retry["poison-time"]! - retry.parked! * 5 * 0.1)).toBeLessThan(0.01);
    expect(retry["poison-share"]!).toBeLessThan(five["poison-share"]!);
    await page.close();
  }, 120_000);
});
