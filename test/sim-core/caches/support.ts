// Scenarios with a cache in front of a station, and the theory the cache tests compare against.
import { expect } from "vitest";
import type { CacheStats } from "../../../packages/sim-core/src/caches/cache-stats";
import type { Result } from "../../../packages/sim-core/src/result/model";
import { simulate } from "../../../packages/sim-core/src/run/simulate";
import { expectLittlesLaw } from "../support/littles-law";

export interface CachedOptions {
  cache?: object;
  key?: object;
  rate?: number;
  hold?: unknown;
  run?: object;
  db?: object;
  seed?: number;
  extraClasses?: object[];
}

/** Clients read keys through a cache in front of a database station; the entry only makes the call. */
export function cached(o: CachedOptions = {}) {
  return {
    version: 1,
    seed: o.seed ?? 1,
    run: o.run ?? { requests: 200_000, warmup: 20_000 },
    workload: {
      arrival: { process: "poisson", rate: o.rate ?? 1000 },
      requests: [
        {
          name: "read",
          key: o.key ?? { zipf: { keys: 1000, s: 0.8 } },
          steps: [{ call: "cache", hold: o.hold ?? "1us" }],
        },
        ...(o.extraClasses ?? []),
      ],
    },
    entry: "app",
    components: {
      app: { type: "station", servers: 100_000 },
      cache: { type: "cache", target: "db", ...o.cache },
      db: o.db ?? { type: "station", servers: 100_000 },
    },
  };
}

/** Runs a scenario, checks Little's law on it, and returns the result with its cache's figures. */
export function run(scenario: object, name = "cache"): { result: Result; cache: CacheStats } {
  const result = simulate(scenario);
  expectLittlesLaw(result);
  return { result, cache: result.components[name] as unknown as CacheStats };
}

/** Zipf probabilities p_k ∝ (k + 1)^−s over `keys` keys. */
export function zipf(keys: number, s: number): number[] {
  const weights = Array.from({ length: keys }, (_, k) => (k + 1) ** -s);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

/**
 * Che's approximation for LRU under independent reads (Che, Tung and Wang 2002; Fricker, Robert
 * and Roberts 2012): the characteristic time T solves Σ (1 − e^(−p_i T)) = C, and the hit ratio is
 * Σ p_i (1 − e^(−p_i T)). T is found by bisection (the left side rises with T).
 */
export function cheHitRatio(p: number[], capacity: number): number {
  const filled = (t: number) => p.reduce((sum, pi) => sum + (1 - Math.exp(-pi * t)), 0);
  let low = 0;
  let high = 1;
  while (filled(high) < capacity) high *= 2;
  for (let i = 0; i < 100; i++) {
    const mid = (low + high) / 2;
    if (filled(mid) < capacity) low = mid;
    else high = mid;
  }
  const t = (low + high) / 2;
  return p.reduce((sum, pi) => sum + pi * (1 - Math.exp(-pi * t)), 0);
}

/** A TTL cache, no capacity limit, Poisson reads at λ_i = Λ p_i, timer set at a miss: Σ p_i λ_i τ / (1 + λ_i τ). */
export function ttlHitRatio(p: number[], rate: number, ttl: number): number {
  return p.reduce((sum, pi) => sum + (pi * (rate * pi * ttl)) / (1 + rate * pi * ttl), 0);
}

/**
 * |measured − expected| within 5 standard errors of a hit ratio over `reads` reads, inflated by
 * `inflation` for the correlation between successive reads of a cache's state, plus `bias` for
 * an approximation's own error.
 */
export function expectHitRatio(
  measured: number,
  expected: number,
  reads: number,
  bias = 0,
  inflation = 2,
): void {
  const tolerance = 5 * inflation * Math.sqrt((expected * (1 - expected)) / reads) + bias;
  expect(
    Math.abs(measured - expected),
    `hit ratio ${measured} vs theory ${expected} (±${tolerance})`,
  ).toBeLessThanOrEqual(tolerance);
}
