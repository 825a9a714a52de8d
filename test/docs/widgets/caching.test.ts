// The caching note's widget models: the miss-ratio curve against Che's approximation, a hot key's
// stampede per onMiss mode, and TTL against staleness, each against the theory its page states.
import { describe, expect, it } from "vitest";
import { cachingMissRatio, cheHitRatio } from "../../../apps/docs/src/widgets/caching-miss-ratio";
import { cachingStaleness, theory } from "../../../apps/docs/src/widgets/caching-staleness";
import { cachingStampede } from "../../../apps/docs/src/widgets/caching-stampede";
import type { WidgetView } from "../../../apps/docs/src/widgets/view";

const number = (v: WidgetView, id: string) => v.numbers.find((n) => n.id === id)!.value;
const line = (v: WidgetView, name: string) => v.chart.series.find((s) => s.name === name)!.points;

describe("caching-miss-ratio widget", () => {
  const view = cachingMissRatio.compute(cachingMissRatio.defaults);

  it("puts LRU's simulated curve on Che's approximation at every size", () => {
    // 30,000 reads per run: a ratio's standard error is ≤ 0.003; allow 5 of them plus Che's 0.5%.
    for (const [capacity, ratio] of line(view, "LRU")) {
      expect(Math.abs(ratio - cheHitRatio(0.8, capacity))).toBeLessThan(0.02);
    }
  });

  it("rises with size for every policy, with SIEVE and S3-FIFO above LRU above FIFO at 100 entries", () => {
    for (const name of ["LRU", "LFU", "FIFO", "SIEVE", "S3-FIFO"]) {
      const points = line(view, name);
      for (let i = 1; i < points.length; i++) expect(points[i]![1]).toBeGreaterThan(points[i - 1]![1]);
    }
    const at100 = (name: string) => line(view, name).find(([c]) => c === 100)![1];
    expect(at100("SIEVE")).toBeGreaterThan(at100("LRU"));
    expect(at100("S3-FIFO")).toBeGreaterThan(at100("LRU"));
    expect(at100("LRU")).toBeGreaterThan(at100("FIFO"));
  });

  it("gives the mean latency the hit ratio implies: h × 0.2 ms + (1 − h) × 5 ms", () => {
    const h = number(view, "hit-ratio");
    expect(number(view, "mean-latency")).toBeCloseTo(h * 0.0002 + (1 - h) * 0.005, 5);
  });
});

describe("caching-stampede widget", () => {
  const view = cachingStampede.compute(cachingStampede.defaults);
  const row = (mode: string) => view.table.rows.find((r) => r[0] === mode)!;
  const queries = (mode: string) => Number(row(mode)[1]!.replaceAll(",", ""));

  it('"each" sends about 1 + λR = 51 queries per miss-or-expiry; "coalesce" exactly one', () => {
    // 6 s at a 2 s TTL (plus the 50 ms fetch): the cold start and two expiries.
    const events = 1 + Number(row("each")[2]);
    expect(events).toBe(3);
    expect(Math.abs(queries("each") / events - 51)).toBeLessThan(5 * Math.sqrt(50 / events));
    expect(queries("coalesce")).toBe(1 + Number(row("coalesce")[2]));
  });

  it("shows the stampede as a spike in queries per second and in the chosen run's p99", () => {
    const each = line(view, "each");
    expect(Math.max(...each.map(([, v]) => v))).toBeGreaterThan(500);
    expect(number(view, "p99-latency")).toBeGreaterThan(0.05); // reads queue behind 51 queries on 8 connections
    const p99 = view.extraFigures![0]!.chart.series.find((s) => s.name === "each")!.points;
    expect(Math.max(...p99.map(([, v]) => v))).toBeGreaterThan(0.05);
    const calm = cachingStampede.compute({ ...cachingStampede.defaults, onMiss: "stale-while-revalidate" });
    expect(number(calm, "expirations")).toBe(0);
    expect(number(calm, "p99-latency")).toBeLessThan(0.001);
  });
});

describe("caching-staleness widget", () => {
  const view = cachingStaleness.compute(cachingStaleness.defaults);

  it("follows λτ/(1 + λτ) for the hit ratio and 1 − (1 − e^(−μτ))/(μτ) for stale hits", () => {
    const hits = line(view, "Hit ratio");
    const stale = line(view, "Stale share of hits");
    hits.forEach(([ttl, ratio], i) => {
      const expected = theory(ttl, 30);
      expect(Math.abs(ratio - expected.hit)).toBeLessThan(0.02);
      expect(Math.abs(stale[i]![1] - expected.stale)).toBeLessThan(0.03 + 0.1 * expected.stale);
    });
  });

  it("trades hit ratio for staleness: both rise with the TTL", () => {
    const stale = line(view, "Stale share of hits");
    expect(stale.at(-1)![1]).toBeGreaterThan(4 * stale.find(([t]) => t === 5)![1]);
    expect(number(view, "hit-ratio")).toBeGreaterThan(0.94);
  });
});
