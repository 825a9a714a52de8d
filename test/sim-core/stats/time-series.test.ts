// The chart series: fixed buckets, pairwise merging when time runs past the last bucket.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { simulate } from "../../../packages/sim-core/src";
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

describe("TimeSeries at the right edge of its last bucket", () => {
  test("finishing exactly at the edge keeps every bucket at its width", () => {
    const clock = { now: 0 };
    const s = new TimeSeries(4, 1, clock);
    s.start(0, 1);
    clock.now = 3.5;
    s.complete(0.5);
    clock.now = 4; // on the edge: the last bucket's, not a fifth one
    s.complete(1);
    s.setLevel(2);
    const out = s.finish(4);
    expect(out.bucketWidth).toBe(1);
    expect(out.time).toEqual([0, 1, 2, 3]);
    expect(out.throughput).toEqual([0, 0, 0, 2]);
    expect(out.latencyMean).toEqual([0, 0, 0, 0.75]);
    expect(out.inSystem).toEqual([1, 1, 1, 1]);
  });

  test("an end a few ulps past the edge (end − origin and the width rounded) still does not merge", () => {
    // (origin + length − origin) / (length / 120) is 120 + 4e-14 here, 120 + 6e-6 for the late, short run.
    const cases: [number, number][] = [
      [5, 0.7],
      [1e6, 1e-3],
    ];
    for (const [origin, length] of cases) {
      const end = origin + length;
      expect((end - origin) / (length / 120)).toBeGreaterThan(120);
      const clock: { now: number } = { now: origin };
      const s = new TimeSeries(120, length / 120, clock);
      s.start(origin, 0);
      clock.now = end;
      s.complete(1);
      const out = s.finish(end);
      expect(out.time).toHaveLength(120);
      expect(out.bucketWidth).toBe(length / 120);
      expect(out.throughput[119]! * out.bucketWidth).toBeCloseTo(1, 3);
    }
  });

  test("a time truly past the edge merges pairs, as a run measured by request count needs", () => {
    const clock = { now: 0 };
    const s = new TimeSeries(4, 1, clock);
    s.start(0, 0);
    clock.now = 4.001;
    s.complete(1);
    const out = s.finish(4.001);
    expect(out.bucketWidth).toBe(2);
    expect(out.time).toEqual([0, 2, 4]);
    expect(out.throughput[2]).toBeCloseTo(1 / 0.001, 6);
  });

  test("a 60 s duration run's result has 120 points half a second wide, the run's and its cache's", () => {
    const example = JSON.parse(
      readFileSync(new URL("../../../examples/caching/warm-start.json", import.meta.url), "utf8"),
    );
    expect(example.run).toEqual({ duration: "60s" });
    const result = simulate(example);
    expect(result.series.bucketWidth).toBe(0.5);
    expect(result.series.time).toHaveLength(120);
    expect(result.series.time.at(-1)).toBe(59.5);
    // Every completion is counted once: rates × width add up to the run's completions (the rates are
    // rounded to 9 decimals, so the sum is exact to far below one request).
    const counted = result.series.throughput.reduce((sum, rate) => sum + rate * 0.5, 0);
    expect(Math.abs(counted - result.requests.completed)).toBeLessThan(1e-3);
    // The cache's series is laid out as the run's: bucket i covers the same half second.
    const cache = Object.values(result.components).find((c) => c.type === "cache") as unknown as {
      series: { hitRatio: number[]; targetCalls: number[] };
    };
    expect(cache.series.hitRatio).toHaveLength(120);
    expect(cache.series.targetCalls).toHaveLength(120);
  });

  test("a broker's and a consumer group's series, which start at 1/120 s and double, stop at 120 buckets on a power-of-two run", () => {
    // 64 s is 2⁶ × 120 buckets of 1/120 s: six doublings fill the buckets exactly, a seventh is the bug.
    for (const [file, name] of [
      ["jobs/retries.json", "jobs"],
      ["jobs/stream-partitions.json", "readers"],
    ] as const) {
      const example = JSON.parse(readFileSync(new URL(`../../../examples/${file}`, import.meta.url), "utf8"));
      example.run.duration = "64s";
      const result = simulate(example);
      const series = (result.components[name] as unknown as { series: { time: number[] } }).series;
      expect(series.time, file).toHaveLength(120);
      expect(series.time[1], file).toBeCloseTo(64 / 120, 6);
    }
  });
});
