// The cache's behaviour beside the theory: what coalesced waiters do when the call they wait for
// fails, writes, staleness, a moving working set, warm starts, byte budgets, series, and targets
// of every kind.
import { describe, expect, test } from "vitest";
import type { CacheStats } from "../../../packages/sim-core/src/caches/cache-stats";
import { simulate } from "../../../packages/sim-core/src/run/simulate";
import { parseScenario } from "../../../packages/sim-core/src/scenario/parse-scenario";
import { cached, expectHitRatio, run } from "./support";

describe("coalesced waiters share the outcome of the call they wait for", () => {
  const hot = { key: { uniform: { keys: 1 } }, rate: 1000, hold: "50ms", run: { duration: "20s" } };

  test("a call past fetchTimeout fails every waiter with a timeout, and nothing is stored", () => {
    const { result, cache } = run(cached({ ...hot, cache: { onMiss: "coalesce", fetchTimeout: "10ms" } }));
    expect(cache.hits).toBe(0);
    expect(cache.entries).toBe(0);
    expect(cache.targetFailures).toBeGreaterThanOrEqual(cache.targetCalls - 1); // the last may still run
    expect(cache.coalescedWaits).toBeGreaterThan(0);
    // Every read waits for a call that times out: all fail (but those still waiting at the end).
    expect(result.requests.completed).toBe(0);
    expect(result.requests.failed.timeout).toBeGreaterThan(0.99 * result.requests.arrived);
  });

  test("a call the target rejects fails its waiters with the same reason", () => {
    const { result, cache } = run(
      cached({
        key: { uniform: { keys: 100_000 } },
        hold: "10ms",
        run: { duration: "20s" },
        db: { type: "station", servers: 1, capacity: 1 },
        cache: { onMiss: "coalesce" },
      }),
    );
    expect(cache.targetFailures).toBeGreaterThan(0);
    // A rejected call fails its leader and every waiter, so at least one read per failed call.
    expect(result.requests.failed.rejected).toBeGreaterThanOrEqual(cache.targetFailures);
    expect(result.requests.failed.rejected).toBeLessThanOrEqual(cache.targetFailures + cache.coalescedWaits);
    expect(cache.targetFailures).toBe(result.components.db!.rejected);
  });

  test("a leader whose own client gives up leaves the call running: it is stored for later reads", () => {
    const scenario = cached({ ...hot, cache: { onMiss: "coalesce", ttl: "1s" } });
    (scenario.workload.requests[0] as { timeout?: string }).timeout = "20ms";
    // Not run(): Little's law over completions does not hold when most reads time out.
    const result = simulate(scenario);
    const cache = result.components.cache as unknown as CacheStats;
    expect(cache.targetFailures).toBe(0);
    expect(cache.targetCalls).toBe(cache.expirations + 1);
    // The reads that wait (≈ 50 per expiry) time out; the ≈ 950 that follow hit.
    expect(result.requests.failed.timeout).toBeGreaterThan(0);
    expect(cache.hitRatio).toBeGreaterThan(0.9);
  });
});

describe("writes", () => {
  // 100 keys read at 900/s and written at 100/s, uniformly: a read hits when the event before it
  // on its key was a read, so with invalidation the hit ratio is 900 / (900 + 100) = 0.9.
  const withWrites = (onWrite: string) =>
    cached({
      key: { uniform: { keys: 100 } },
      rate: 1000,
      cache: { onWrite },
      extraClasses: [
        {
          name: "write",
          weight: 1 / 9,
          write: true,
          key: { uniform: { keys: 100 } },
          steps: [{ call: "cache", hold: "1us" }],
        },
      ],
    });

  test('"invalidate" drops the key: reads hit as often as the event before them was a read', () => {
    const scenario = withWrites("invalidate");
    (scenario.workload.requests[0] as { weight?: number }).weight = 1;
    const { cache } = run(scenario);
    expectHitRatio(cache.hitRatio, 0.9, cache.hits + cache.misses);
    expect(cache.writes).toBeGreaterThan(0);
    expect(cache.targetCalls).toBe(cache.misses + cache.writes);
  });

  test('"write-through" stores what was written: reads keep hitting', () => {
    const { cache } = run(withWrites("write-through"));
    expect(cache.misses).toBeLessThan(200); // the cold start only
    expect(cache.hitRatio).toBeGreaterThan(0.99);
  });

  test("a class marked write parses with write: true; others leave it out", () => {
    const parsed = parseScenario(withWrites("invalidate"));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.scenario.workload.requests[1]!.write).toBe(true);
    expect(parsed.scenario.workload.requests[0]!.write).toBeUndefined();
  });
});

describe("staleness", () => {
  test("with values changing at the source every 2 s on average and a 1 s TTL, stale hits are 1 − (1 − e^(−μτ))/(μτ)", () => {
    // A hit falls uniformly in its value's fresh period [0, τ]; the value has changed by age a with
    // probability 1 − e^(−μa), so P(stale | hit) = 1 − (1 − e^(−μτ))/(μτ) = 0.2131 at μτ = 0.5.
    const { cache } = run(
      cached({
        key: { uniform: { keys: 200 } },
        cache: { ttl: "1s", changeEvery: "2s" },
        run: { duration: "200s", warmup: "5s" },
      }),
    );
    const expected = 1 - (1 - Math.exp(-0.5)) / 0.5;
    expectHitRatio(cache.staleHits / cache.hits, expected, cache.hits);
    expect(cache.staleness.max).toBeLessThanOrEqual(1);
    // Given stale, the change happened on average less than τ/2 before the read.
    expect(cache.staleness.mean).toBeGreaterThan(0.2);
    expect(cache.staleness.mean).toBeLessThan(0.5);
  });
});

describe("a working set that moves", () => {
  test("lru follows a shift of the popular keys that lfu, counting old favourites, does not", () => {
    const shifting = (policy: string) =>
      run(
        cached({
          key: { zipf: { keys: 1000, s: 0.9, shift: { every: "5s", by: 150 } } },
          cache: { capacity: 100, policy },
          run: { duration: "60s", warmup: "5s" },
        }),
      ).cache;
    const lru = shifting("lru");
    const lfu = shifting("lfu");
    expect(lru.hitRatio).toBeGreaterThan(lfu.hitRatio + 0.05);
  });

  test("without a shift, lfu beats lru (independent reads reward frequency)", () => {
    const still = (policy: string) =>
      run(cached({ key: { zipf: { keys: 1000, s: 0.9 } }, cache: { capacity: 100, policy } })).cache;
    expect(still("lfu").hitRatio).toBeGreaterThan(still("lru").hitRatio + 0.02);
  });

  test("the key drawn follows the shift: rank 0 is key `by` after one period", () => {
    const scenario = cached({
      key: { zipf: { keys: 1000, s: 3, shift: { every: "10s", by: 400 } } },
      cache: { capacity: 1 },
      run: { duration: "20s" },
    });
    // s = 3 puts 83% of reads on rank 0: one entry holds it in each period, and loses it once.
    const { cache } = run(scenario);
    expect(cache.hitRatio).toBeGreaterThan(0.6);
    expect(cache.series.hitRatio.length).toBeGreaterThan(10);
  });
});

describe("warm and cold starts", () => {
  test("a warm cache holds the most popular keys from the start; a cold one climbs to the same ratio", () => {
    const start = (warm: boolean) =>
      run(cached({ cache: { capacity: 100, warm }, run: { duration: "20s" }, rate: 500 })).cache;
    const cold = start(false);
    const warm = start(true);
    expect(cold.series.hitRatio[0]!).toBeLessThan(warm.series.hitRatio[0]! - 0.1);
    const tail = (s: number[]) => s.slice(-40).reduce((a, b) => a + b, 0) / 40;
    expect(Math.abs(tail(cold.series.hitRatio) - tail(warm.series.hitRatio))).toBeLessThan(0.03);
    expect(warm.peakEntries).toBe(100);
  });

  test("warm: true needs a capacity to fill", () => {
    const parsed = parseScenario(cached({ cache: { warm: true } }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => p.path)).toEqual(["components.cache.warm"]);
  });
});

describe("sizes and series", () => {
  test("a size without capacityBytes is refused at size, not ignored", () => {
    const parsed = parseScenario(cached({ cache: { capacity: 100, size: 500 } }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problems.map((p) => p.path)).toEqual(["components.cache.size"]);
      expect(parsed.problems[0]!.message).toMatch(/capacityBytes/);
    }
    expect(parseScenario(cached({ cache: { capacityBytes: 10_000, size: 500 } })).ok).toBe(true);
  });

  test("a byte budget holds as many values as fit, each key's size fixed", () => {
    const { cache } = run(cached({ cache: { capacityBytes: 10_000, size: { min: 100, max: 300 } } }));
    expect(cache.peakEntries).toBeLessThanOrEqual(100);
    expect(cache.peakEntries).toBeGreaterThanOrEqual(34);
    expect(cache.evictions).toBeGreaterThan(0);
  });

  test("its series has a bucket for each of the run's, and they average to the overall ratio", () => {
    const { result, cache } = run(
      cached({ cache: { capacity: 100 }, run: { requests: 100_000, warmup: 1000 } }),
    );
    expect(cache.series.hitRatio.length).toBe(result.series.time.length);
    expect(cache.series.targetCalls.length).toBe(result.series.time.length);
    const mean = cache.series.hitRatio.reduce((a, b) => a + b, 0) / cache.series.hitRatio.length;
    expect(Math.abs(mean - cache.hitRatio)).toBeLessThan(0.02);
    const calls = cache.series.targetCalls.reduce((a, b) => a + b, 0) * result.series.bucketWidth;
    expect(Math.abs(calls - cache.targetCalls) / cache.targetCalls).toBeLessThan(0.02);
  });

  test("the station figures: how full it is, reads waiting for the target, reads answered", () => {
    const { result, cache } = run(
      cached({ hold: "5ms", cache: { capacity: 100 }, run: { duration: "20s", warmup: "2s" } }),
    );
    expect(cache.utilization).toBe(1); // full from early in the warm-up on
    expect(Math.abs(cache.served - result.requests.completed)).toBeLessThanOrEqual(cache.inSystem.max);
    expect(cache.rejected).toBe(0);
    // Little's law at the cache: reads waiting = miss rate × 5 ms (the fetch).
    const missRate = cache.misses / 20;
    expect(Math.abs(cache.queueLength.mean - missRate * 0.005) / (missRate * 0.005)).toBeLessThan(0.05);
    const half = run(
      cached({
        key: { uniform: { keys: 50 } },
        cache: { capacity: 100 },
        run: { duration: "20s", warmup: "2s" },
      }),
    );
    expect(half.cache.utilization).toBe(0.5);
  });

  test("its p99 read time per bucket sits at the hit's cost where all hit, and at the fetch where a stampede waits", () => {
    const { result, cache } = run(
      cached({
        key: { uniform: { keys: 1 } },
        hold: "50ms",
        cache: { ttl: "2s", hit: "200us" },
        run: { duration: "6s" },
      }),
    );
    const p99 = cache.series.readTimeP99;
    expect(p99.length).toBe(result.series.time.length);
    // Bins are a quarter octave wide: a reported value is within 2^(1/8) − 1 ≈ 9% of the true one.
    // Calm buckets: no call to the target in them or in the two before (whose waiters they release).
    const calls = cache.series.targetCalls;
    const calm = p99.filter((_, i) => i >= 2 && calls[i] === 0 && calls[i - 1] === 0 && calls[i - 2] === 0);
    expect(calm.length).toBeGreaterThan(40);
    for (const v of calm) expect(Math.abs(v - 0.0002) / 0.0002).toBeLessThan(0.1);
    // The buckets where reads waited for the 50 ms fetch: their p99 lies between the hit and 50 ms.
    expect(Math.max(...p99)).toBeGreaterThan(0.03);
    expect(Math.max(...p99)).toBeLessThan(0.05 * 1.1);
  });

  test("requests without a key pass through to the target, uncached", () => {
    const scenario = cached();
    delete (scenario.workload.requests[0] as { key?: unknown }).key;
    const { cache } = run(scenario);
    expect(cache.bypassed).toBe(cache.targetCalls);
    expect(cache.hits + cache.misses).toBe(0);
  });
});

describe("targets of every kind", () => {
  test("a miss runs the call's steps on a server target", () => {
    const { result, cache } = run({
      ...cached({ cache: { capacity: 100 }, run: { duration: "20s", warmup: "2s" }, rate: 200 }),
      workload: {
        arrival: { process: "poisson", rate: 200 },
        requests: [
          {
            name: "read",
            key: { zipf: { keys: 1000, s: 0.8 } },
            steps: [{ call: "cache", steps: [{ cpu: "2ms" }] }],
          },
        ],
      },
      components: {
        app: { type: "station", servers: 10_000 },
        cache: { type: "cache", target: "db", capacity: 100, hit: "100us" },
        db: { type: "server", cores: 4, architecture: { kind: "thread-pool", threads: 16 } },
      },
    });
    expect(result.components.db!.served).toBeGreaterThan(0.9 * cache.targetCalls);
    // Hits cost 100 µs, misses at least 2 ms of CPU: the mean lies between, weighted by the hit ratio.
    expect(result.latency.mean).toBeGreaterThan(cache.hitRatio * 0.0001 + (1 - cache.hitRatio) * 0.002);
  });

  test("a miss passes through a pool to the database behind it", () => {
    const { result, cache } = run({
      ...cached({ cache: { capacity: 100 }, run: { duration: "20s", warmup: "2s" } }),
      components: {
        app: { type: "station", servers: 10_000 },
        cache: { type: "cache", target: "pool", capacity: 100 },
        pool: { type: "pool", size: 50, target: "db" },
        db: { type: "station", servers: 50 },
      },
    });
    expect(result.components.pool!.served).toBe(result.components.db!.served);
    expect(Math.abs(result.components.db!.served - cache.targetCalls)).toBeLessThanOrEqual(60);
  });

  test("without a target, a miss costs the call's hold at the cache itself", () => {
    const scenario = cached({
      hold: "10ms",
      cache: { capacity: 100 },
      run: { duration: "20s", warmup: "2s" },
    });
    const components = scenario.components as Record<string, object>;
    components.cache = { type: "cache", capacity: 100 };
    delete components.db;
    const { result, cache } = run(scenario);
    expect(Math.abs(result.latency.mean - (1 - cache.hitRatio) * 0.01)).toBeLessThan(0.0005);
  });

  test("the same scenario gives the same result, byte for byte", () => {
    const scenario = cached({
      cache: { capacity: 100, policy: "random", ttl: { exp: "1s" }, onMiss: "coalesce" },
    });
    expect(JSON.stringify(simulate(scenario))).toBe(JSON.stringify(simulate(scenario)));
  });
});

describe("the published JSON Schema", () => {
  test("refuses warm: true without a capacity, as the validator does", async () => {
    const { Ajv2020 } = await import("ajv/dist/2020.js");
    const { scenarioJsonSchema } = await import("../../../packages/sim-core/src/scenario/json-schema");
    const accepts = new Ajv2020({ strict: false }).compile(scenarioJsonSchema);
    expect(accepts(cached({ cache: { warm: true } }))).toBe(false);
    expect(accepts(cached({ cache: { warm: true, capacity: 10 } }))).toBe(true);
    expect(accepts(cached({ cache: { warm: true, capacityBytes: 1000 } }))).toBe(true);
    expect(accepts(cached({ cache: { warm: 10 } }))).toBe(true);
  });
});

describe("fields of another onMiss mode", () => {
  test.each([
    [{ beta: 2 }, "beta"],
    [{ onMiss: "coalesce", staleFor: "1s" }, "staleFor"],
    [{ onMiss: "stale-while-revalidate", beta: 1 }, "beta"],
  ])("%j is refused at %s, in the validator and in the JSON Schema", async (fields, field) => {
    const scenario = cached({ cache: fields });
    const parsed = parseScenario(scenario);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => p.path)).toEqual([`components.cache.${field}`]);
    const { Ajv2020 } = await import("ajv/dist/2020.js");
    const { scenarioJsonSchema } = await import("../../../packages/sim-core/src/scenario/json-schema");
    expect(new Ajv2020({ strict: false }).compile(scenarioJsonSchema)(scenario)).toBe(false);
  });

  test("are accepted with their own mode", () => {
    expect(parseScenario(cached({ cache: { onMiss: "early-refresh", beta: 2 } })).ok).toBe(true);
    expect(parseScenario(cached({ cache: { onMiss: "stale-while-revalidate", staleFor: "5s" } })).ok).toBe(
      true,
    );
  });
});
