// A cache measured against theory: LRU against Che's approximation, a TTL cache against the
// renewal argument, stampedes against λ·R, and the target's utilisation against its offered load
// times the miss ratio. Tolerances come from the number of reads in each run.
import { describe, expect, test } from "vitest";
import { cheHitRatio, ttlHitRatio, zipf } from "../support/cache-theory";
import { cached, expectHitRatio, run } from "./support";

describe("LRU under independent Zipf reads matches Che's approximation", () => {
  // Che's approximation is within about 0.5% of the exact LRU hit ratio at these sizes (Fricker,
  // Robert and Roberts, ITC 2012, fig. 1); that is the bias allowed beside the sampling error.
  test.each([
    [0.6, 50],
    [0.6, 200],
    [0.8, 100],
    [1.0, 50],
    [1.0, 300],
  ])("s = %f, capacity %i of 1000 keys", (s, capacity) => {
    const { cache } = run(cached({ key: { zipf: { keys: 1000, s } }, cache: { capacity, policy: "lru" } }));
    const expected = cheHitRatio(zipf(1000, s), capacity);
    expectHitRatio(cache.hitRatio, expected, cache.hits + cache.misses, 0.005);
    expect(cache.peakEntries).toBe(capacity);
    expect(cache.evictions).toBeGreaterThan(0);
  });
});

describe("a TTL cache without a capacity limit", () => {
  // Poisson reads at Λ split by key into independent Poisson streams at λ_i = Λ p_i. A miss stores
  // the key for τ (a hit does not extend it), so each key alternates a fresh period of τ with a
  // wait for its next read, mean 1/λ_i: the reads in a cycle are 1 miss + λ_i τ hits.
  test.each([
    [{ zipf: { keys: 1000, s: 0.8 } }, 0.5],
    [{ zipf: { keys: 200, s: 1.1 } }, 0.1],
    [{ uniform: { keys: 500 } }, 1],
  ])("%j with ttl %f s has hit ratio Σ p_i λ_i τ/(1 + λ_i τ)", (key, ttl) => {
    const { cache } = run(cached({ key, cache: { ttl } }));
    const spec = key as { zipf?: { keys: number; s: number }; uniform?: { keys: number } };
    const p = spec.zipf ? zipf(spec.zipf.keys, spec.zipf.s) : zipf(spec.uniform!.keys, 0);
    expectHitRatio(cache.hitRatio, ttlHitRatio(p, 1000, ttl), cache.hits + cache.misses);
    expect(cache.evictions).toBe(0);
    expect(cache.expirations).toBeGreaterThan(0);
  });

  test("a jittered TTL with the same mean keeps the hit ratio (the renewal cycle depends on the mean)", () => {
    const ttl = { uniform: ["0.2s", "0.8s"] };
    const { cache } = run(cached({ cache: { ttl } }));
    expectHitRatio(cache.hitRatio, ttlHitRatio(zipf(1000, 0.8), 1000, 0.5), cache.hits + cache.misses);
  });
});

describe("a hot key expiring under load", () => {
  // One key read at λ = 1000/s, fresh for 1 s, fetched in R = 50 ms: every expiry leaves the key
  // missing for R, during which λR = 50 more reads arrive (Poisson).
  const hot = (onMiss: string) =>
    cached({
      key: { uniform: { keys: 1 } },
      hold: "50ms",
      run: { duration: "300s" },
      cache: { ttl: "1s", onMiss },
    });

  test('"each" sends about 1 + λ·R calls to the target per expiry (the stampede)', () => {
    const { cache } = run(hot("each"));
    const cycles = cache.expirations;
    const perExpiry = (cache.targetCalls - 1) / cycles; // the first call filled the cold cache
    // Calls per expiry are 1 + Poisson(50): the mean over n cycles has standard error √(50/n).
    expect(Math.abs(perExpiry - 51)).toBeLessThanOrEqual(5 * Math.sqrt(50 / cycles));
    expect(cache.coalescedWaits).toBe(0);
  });

  test('"coalesce" sends exactly one call per expiry; the others wait for it', () => {
    const { cache } = run(hot("coalesce"));
    expect(cache.targetCalls).toBe(cache.expirations + 1);
    const waitsPerExpiry = cache.coalescedWaits / cache.targetCalls;
    expect(Math.abs(waitsPerExpiry - 50)).toBeLessThanOrEqual(5 * Math.sqrt(50 / cache.targetCalls));
  });

  test('"stale-while-revalidate" serves every read from the cache once filled, with one refresh per expiry', () => {
    const { cache } = run(hot("stale-while-revalidate"));
    // Only the cold start misses: the first read and those arriving while it is fetched (≈ 1 + λR).
    expect(cache.misses).toBeLessThan(100);
    expect(cache.expirations).toBe(0);
    expect(cache.targetCalls).toBe(cache.refreshes + cache.misses);
    // A refresh starts at the first read after expiry and lands R later: one per 1 s + R.
    const cycles = 300 / 1.05;
    expect(Math.abs(cache.refreshes - cycles)).toBeLessThanOrEqual(0.02 * cycles);
    expect(cache.staleServed).toBeGreaterThan(40 * cache.refreshes);
  });

  test('"early-refresh" (XFetch) refreshes before expiry: the key almost never expires, calls ≈ one per TTL', () => {
    const { cache } = run(hot("early-refresh"));
    // With δ = R = 50 ms and β = 1, a read x before expiry refreshes with probability e^(−x/δ);
    // at λ = 1000/s the first does so about δ·ln(λδ) ≈ 196 ms before expiry. A refresh never
    // waits for an expiry, so the key expires (almost) never, and a cycle lasts about
    // 1 s − 196 ms + 50 ms: ≈ 354 calls in 300 s, one per cycle (others hit while it runs).
    expect(cache.expirations).toBeLessThanOrEqual(2);
    // Every call is a refresh but those of the cold start (its first read and the ≈ λR behind it).
    expect(cache.targetCalls).toBe(cache.misses);
    expect(cache.misses - cache.refreshes).toBeLessThan(100);
    expect(cache.refreshes).toBeGreaterThan(320);
    expect(cache.refreshes).toBeLessThan(390);
    expect(cache.coalescedWaits).toBe(0);
  });
});

describe("the target's load falls as the hit ratio rises", () => {
  test("its utilisation is the offered load times the miss ratio (the utilisation law)", () => {
    // 1000 reads/s, 8 ms each at 20 servers: offered load 0.4 without the cache.
    for (const capacity of [30, 150, 500]) {
      const { result, cache } = run(
        cached({
          hold: { exp: "8ms" },
          db: { type: "station", servers: 20 },
          cache: { capacity },
          run: { duration: "200s", warmup: "10s" },
        }),
      );
      const db = result.components.db!;
      const missRatio = 1 - cache.hitRatio;
      const expected = 0.4 * missRatio;
      // Busy time over 200 s of ~1000·m·8 ms work: the relative standard error of a sum of
      // n ≈ 200000·m exponential services is 1/√n (Poisson count and service times together: √2/√n).
      const n = cache.targetCalls;
      expect(Math.abs(db.utilization - expected)).toBeLessThanOrEqual(5 * expected * Math.sqrt(2 / n));
      expect(db.served).toBeGreaterThanOrEqual(cache.targetCalls - 100);
      expect(db.served).toBeLessThanOrEqual(cache.targetCalls + 100);
    }
  });
});
