// The claims of examples/caching, each checked against the figure its description states.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { CacheStats } from "../../../packages/sim-core/src/caches/cache-stats";
import type { Result } from "../../../packages/sim-core/src/result/model";
import { simulate } from "../../../packages/sim-core/src/run/simulate";
import { cheHitRatio, ttlHitRatio, zipf } from "../support/cache-theory";
import { expectLittlesLaw } from "../support/littles-law";
import { expectHitRatio } from "./support";

const EXAMPLES = join(__dirname, "../../../examples/caching");
// biome-ignore lint/suspicious/noExplicitAny: scenarios are plain JSON edited in place by some tests
const example = (name: string): any => JSON.parse(readFileSync(join(EXAMPLES, `${name}.json`), "utf8"));

function run(scenario: object): { result: Result; cache: CacheStats } {
  const result = simulate(scenario);
  expectLittlesLaw(result);
  return { result, cache: result.components.cache as unknown as CacheStats };
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe("examples/caching", () => {
  test("lru-zipf: 100 entries of 1000 keys answer 0.378 of reads (Che), latency ≈ 3.2 ms", () => {
    const { result, cache } = run(example("lru-zipf"));
    const che = cheHitRatio(zipf(1000, 0.8), 100);
    expect(che).toBeCloseTo(0.378, 3);
    // The 5 ms fetch lets a few more reads of a key miss before it is stored: a bias of < 0.01.
    expectHitRatio(cache.hitRatio, che, cache.hits + cache.misses, 0.01);
    expect(result.latency.mean).toBeCloseTo(cache.hitRatio * 0.0002 + (1 - cache.hitRatio) * 0.005, 4);
    expect(Math.abs(result.latency.mean - 0.0032)).toBeLessThan(0.0001);
  });

  test("ttl-zipf: a 1 s TTL hits 0.632 of reads, 0.5 s about 0.52", () => {
    const p = zipf(1000, 0.8);
    for (const [ttl, figure] of [
      [1, 0.632],
      [0.5, 0.52],
    ] as const) {
      const scenario = example("ttl-zipf");
      scenario.components.cache.ttl = ttl;
      const { cache } = run(scenario);
      const theory = ttlHitRatio(p, 1000, ttl);
      expect(Math.abs(theory - figure)).toBeLessThan(0.006);
      expectHitRatio(cache.hitRatio, theory, cache.hits + cache.misses);
    }
  });

  test("hot-key-stampede: each ≈ 51 calls per expiry, coalesce 1, early-refresh and stale-while-revalidate keep p99 at the hit", () => {
    const modes: Record<string, { result: Result; cache: CacheStats }> = {};
    for (const onMiss of ["each", "coalesce", "early-refresh", "stale-while-revalidate"]) {
      const scenario = example("hot-key-stampede");
      scenario.components.cache.onMiss = onMiss;
      modes[onMiss] = run(scenario);
    }
    const each = modes.each!.cache;
    // Calls per expiry: 1 + Poisson(λR = 50); over n expiries the mean's standard error is √(50/n).
    expect(Math.abs(each.targetCalls / each.expirations - 51)).toBeLessThan(
      5 * Math.sqrt(50 / each.expirations),
    );
    expect(modes.each!.result.latency.p99).toBeCloseTo(0.05, 3);
    const coalesce = modes.coalesce!.cache;
    expect(coalesce.targetCalls).toBe(coalesce.expirations); // warm when measuring starts: one per expiry
    expect(modes.coalesce!.result.latency.p99).toBeGreaterThan(0.03);
    for (const mode of ["early-refresh", "stale-while-revalidate"]) {
      expect(modes[mode]!.cache.expirations).toBe(0);
      expect(modes[mode]!.result.latency.p99).toBeCloseTo(0.0002, 4);
    }
  });

  test("shifting-working-set: lru ≈ 0.47, lfu ≈ 0.12; without the shift lfu 0.57 beats lru 0.48", () => {
    const ratio = (policy: string, shift: boolean) => {
      const scenario = example("shifting-working-set");
      scenario.components.cache.policy = policy;
      if (!shift) delete scenario.workload.requests[0].key.zipf.shift;
      return run(scenario).cache.hitRatio;
    };
    // About 60,000 reads: a ratio's standard error is ≤ 0.002; the stated figures are to ±0.02.
    expect(Math.abs(ratio("lru", true) - 0.47)).toBeLessThan(0.02);
    expect(Math.abs(ratio("lfu", true) - 0.12)).toBeLessThan(0.02);
    expect(Math.abs(ratio("s3-fifo", true) - 0.54)).toBeLessThan(0.02);
    expect(Math.abs(ratio("sieve", true) - 0.52)).toBeLessThan(0.02);
    expect(Math.abs(ratio("fifo", true) - 0.42)).toBeLessThan(0.02);
    expect(Math.abs(ratio("lfu", false) - 0.57)).toBeLessThan(0.02);
    expect(Math.abs(ratio("lru", false) - 0.48)).toBeLessThan(0.02);
  });

  test("warm-start: warm hits ≈ 0.52 over the first 10 s, cold ≈ 0.36", () => {
    const first10 = (warm: boolean) => {
      const scenario = example("warm-start");
      scenario.components.cache.warm = warm;
      const { result, cache } = run(scenario);
      const buckets = Math.round(10 / result.series.bucketWidth);
      return mean(cache.series.hitRatio.slice(0, buckets));
    };
    // About 2000 reads in 10 s: a standard error of ≈ 0.011; allow 0.04.
    expect(Math.abs(first10(true) - 0.52)).toBeLessThan(0.04);
    expect(Math.abs(first10(false) - 0.36)).toBeLessThan(0.04);
    expect(cheHitRatio(zipf(10_000, 0.8), 1000)).toBeCloseTo(0.437, 2);
  });

  test("target-load: the database's utilisation is 0.4 × the miss ratio ≈ 0.22", () => {
    const { result, cache } = run(example("target-load"));
    const db = result.components.db!;
    const expected = 0.4 * (1 - cache.hitRatio);
    expect(Math.abs(db.utilization - expected)).toBeLessThan(5 * expected * Math.sqrt(2 / cache.targetCalls));
    expect(Math.abs(db.utilization - 0.22)).toBeLessThan(0.01);
  });

  test("ttl-staleness: TTL 0.5 s, 2 s, 10 s hit 0.71, 0.91, 0.98 with 2.4%, 9.4%, 37% stale hits", () => {
    for (const [ttl, hit, stale] of [
      [0.5, 0.714, 0.0246],
      [2, 0.909, 0.0937],
      [10, 0.98, 0.368],
    ] as const) {
      const scenario = example("ttl-staleness");
      scenario.components.cache.ttl = ttl;
      const { cache } = run(scenario);
      // 200 keys at 5 reads/s each: λτ/(1 + λτ); stale share 1 − (1 − e^(−μτ))/(μτ) with μ = 0.1/s.
      expect(Math.abs((5 * ttl) / (1 + 5 * ttl) - hit)).toBeLessThan(0.001);
      expect(Math.abs(1 - (1 - Math.exp(-0.1 * ttl)) / (0.1 * ttl) - stale)).toBeLessThan(0.001);
      expectHitRatio(cache.hitRatio, hit, cache.hits + cache.misses);
      expectHitRatio(cache.staleHits / cache.hits, stale, cache.hits, 0, 4);
    }
  });

  test("write-invalidate: 900 reads and 100 writes a second hit 0.9; write-through ≈ 1", () => {
    const { cache } = run(example("write-invalidate"));
    expectHitRatio(cache.hitRatio, 0.9, cache.hits + cache.misses);
    const through = example("write-invalidate");
    through.components.cache.onWrite = "write-through";
    expect(run(through).cache.hitRatio).toBeGreaterThan(0.999);
  });
});
