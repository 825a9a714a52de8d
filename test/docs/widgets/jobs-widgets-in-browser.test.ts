// The head-of-line, consumer-lag and dead-letters widgets in a real browser: what the page shows after a reader
// changes a control is what the theory says (consumers beyond the partitions change nothing, and do not
// help a hot key's partition; prefetch 1 with late acks is one shared line; poison messages cost
// attempts × time per attempt).
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

  it("consumer-lag: one hot key makes partition 0 lag at its rate − μ, and more consumers leave it so", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/notes/message-queues-and-streams/`, { waitUntil: "load" });
    const spread = await choose(page, "consumer-lag", "consumers", "4");
    // Keys spread evenly: each of 4 partitions gets 120 records/s against its own consumer of 100/s.
    expect(spread["hot-growth-theory"]).toBe(20);
    const hot = await choose(page, "consumer-lag", "hot", "50");
    // Half the 480 records/s on one key: partition 0 is offered 300, so it grows by 200 a second; the
    // Poisson count of 18,000 records over 60 s puts 4 standard deviations at about 9 records/s.
    expect(hot["hot-growth-theory"]).toBe(200);
    expect(Math.abs(hot["hot-growth"]! - 200)).toBeLessThan((4 * Math.sqrt(300 * 60) + 1) / 60);
    expect(hot["hot-growth"]!).toBeGreaterThan(spread["hot-growth"]! + 150);
    // The other partitions, offered 60 each, keep up: a peak of a few records (M/D/1 at ρ = 0.6).
    expect(hot["others-max-lag"]!).toBeLessThan(24);
    expect(spread["others-max-lag"]!).toBeGreaterThan(1000);
    const more = await choose(page, "consumer-lag", "consumers", "8");
    expect(more.idle).toBe(4);
    expect(more["hot-growth"]).toBe(hot["hot-growth"]);
    expect(more["max-lag"]).toBe(hot["max-lag"]);
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
