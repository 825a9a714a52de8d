// The latency histogram: percentiles within its relative-error bound, exact max, merging.
import { describe, expect, test } from "vitest";
import { randomStream } from "../../../packages/sim-core/src/random/streams";
import { LogHistogram } from "../../../packages/sim-core/src/stats/log-histogram";

describe("LogHistogram", () => {
  test("quantiles of a known sample are within 0.1% of the exact order statistics", () => {
    const h = new LogHistogram();
    const rng = randomStream(1, "h");
    const values: number[] = [];
    for (let i = 0; i < 50_000; i++) {
      const v = -Math.log(1 - rng.nextDouble()) * 0.01; // exponential, mean 10 ms
      values.push(v);
      h.record(v);
    }
    values.sort((a, b) => a - b);
    for (const q of [0.5, 0.9, 0.99, 0.999]) {
      const exact = values[Math.ceil(q * values.length) - 1]!;
      expect(Math.abs(h.quantile(q) - exact) / exact).toBeLessThan(1e-3);
    }
    expect(h.max).toBe(values.at(-1));
    expect(h.count).toBe(50_000);
  });

  test("values from a nanosecond to months keep their relative error bound; zero stays zero", () => {
    for (const v of [1e-9, 1.5e-6, 0.004, 7, 86_400]) {
      const h = new LogHistogram();
      h.record(v);
      h.record(v * 1.0001); // a second value in the same bucket: the quantile is the bucket's midpoint, not the max
      expect(Math.abs(h.quantile(0.5) - v) / v).toBeLessThan(1 / 1024);
    }
    const zero = new LogHistogram();
    zero.record(0);
    expect(zero.quantile(0.5)).toBe(0);
    const big = new LogHistogram();
    big.record(3600 * 24 * 30); // a month
    expect(Math.abs(big.quantile(0.5) - 3600 * 24 * 30) / (3600 * 24 * 30)).toBeLessThan(1e-3);
  });

  test("merging two histograms equals recording everything in one", () => {
    const a = new LogHistogram();
    const b = new LogHistogram();
    const all = new LogHistogram();
    for (let i = 1; i <= 1000; i++) {
      (i % 2 === 0 ? a : b).record(i * 1e-4);
      all.record(i * 1e-4);
    }
    a.merge(b);
    for (const q of [0.1, 0.5, 0.99]) expect(a.quantile(q)).toBe(all.quantile(q));
    expect(a.count).toBe(1000);
  });

  test("an empty histogram reports 0", () => {
    expect(new LogHistogram().quantile(0.99)).toBe(0);
  });
});
