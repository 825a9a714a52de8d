// The chart series: fixed buckets, pairwise merging when time runs past the last bucket.
import { describe, expect, test } from "vitest";
import { TimeSeries } from "../../../packages/sim-core/src/stats/time-series";

describe("TimeSeries", () => {
  test("throughput, latency and time-weighted level per bucket", () => {
    const clock = { now: 10 };
    const s = new TimeSeries(4, 1, clock);
    s.start(10, 0);
    clock.now = 10.5;
    s.setLevel(2); // 0 for 0.5 s, then 2
    clock.now = 10.6;
    s.complete(0.3);
    clock.now = 11.2;
    s.complete(0.5);
    clock.now = 11.5;
    s.setLevel(1);
    const out = s.finish(12);
    expect(out.time).toEqual([0, 1]);
    expect(out.throughput).toEqual([1, 1]);
    expect(out.latencyMean).toEqual([0.3, 0.5]);
    expect(out.inSystem[0]).toBeCloseTo(1, 12); // 0×0.5 + 2×0.5
    expect(out.inSystem[1]).toBeCloseTo(1.5, 12); // 2×0.5 + 1×0.5
  });

  test("never exceeds its bucket count: widths double and totals are kept", () => {
    const clock = { now: 0 };
    const s = new TimeSeries(8, 1, clock);
    s.start(0, 1);
    for (let t = 0.5; t < 100; t += 1) {
      clock.now = t;
      s.complete(1);
    }
    const out = s.finish(100);
    expect(out.time.length).toBeLessThanOrEqual(8);
    expect(out.bucketWidth).toBe(16);
    const total = out.throughput.reduce(
      (sum, x, i) => sum + x * Math.min(out.bucketWidth, 100 - out.time[i]!),
      0,
    );
    expect(total).toBeCloseTo(100, 9);
    for (const level of out.inSystem) expect(level).toBeCloseTo(1, 12);
  });

  test("attempts and failures per second per bucket, kept through merging", () => {
    const clock = { now: 0 };
    const s = new TimeSeries(4, 1, clock);
    s.start(0, 0);
    for (let t = 0.25; t < 7.5; t += 0.5) {
      clock.now = t;
      s.attempt();
      if (t < 2) s.fail();
    }
    const out = s.finish(7.5);
    // Two attempts a second; failures only in the first 2 s. Past 4 buckets the width doubles; the
    // last bucket is cut short at the end, 1.5 s with 3 attempts.
    expect(out.bucketWidth).toBe(2);
    expect(out.attempts).toEqual([2, 2, 2, 2]);
    expect(out.failed).toEqual([2, 0, 0, 0]);
  });
});
