// Scenarios with a cache in front of a station, and how a measured hit ratio is compared with theory.
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
