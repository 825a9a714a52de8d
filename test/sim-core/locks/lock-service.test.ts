// The lock service: leases that a paused holder fails to renew, fencing tokens that storage checks,
// renewals that keep a long critical section's lock, and try-lock refusals.
import { describe, expect, test } from "vitest";
import type { LockServiceStats, Result, StorageStats } from "../../../packages/sim-core/src/result/model";
import { simulate } from "../../../packages/sim-core/src/run/simulate";

const locks = (result: Result): LockServiceStats => result.components.locks as LockServiceStats;
const store = (result: Result): StorageStats => result.components.store as StorageStats;

/** Three clients taking one lock to do 200 ms of work and a 10 ms write; holders pause at 0.5/s for 1–20 s. */
function scenario(locksSpec: object, fencing = false, duration = "3600s") {
  return {
    version: 1,
    seed: 3,
    run: { duration, warmup: "60s" },
    workload: {
      clients: { users: 3, think: { exp: "2s" } },
      requests: [{ name: "update", steps: [{ io: "200ms" }, { call: "store", hold: "10ms" }] }],
    },
    entry: "locks",
    components: {
      locks: { type: "lock-service", ...locksSpec },
      store: { type: "storage", fencing },
    },
  };
}

const PAUSES = { rate: 0.5, for: { uniform: ["1s", "20s"] } };

describe("leases and pauses", () => {
  test("a lease longer than the longest pause (20 s) gives no expiry and no unsafe write", () => {
    const result = simulate(scenario({ ttl: "30s", pauses: PAUSES }));
    expect(locks(result).pauses).toBeGreaterThan(100); // the pauses happened
    expect(locks(result).expired).toBe(0);
    expect(store(result).staleWrites).toBe(0);
    expect(store(result).unsafeWrites).toBe(0);
    expect(store(result).writes).toBe(result.requests.completed);
  });

  test("a lease shorter than the longest pause gives unsafe writes without fencing", () => {
    const result = simulate(scenario({ ttl: "10s", pauses: PAUSES }));
    const s = store(result);
    expect(locks(result).expired).toBeGreaterThan(20);
    expect(s.unsafeWrites).toBeGreaterThan(20);
    // An unsafe write is a stale one that lands after the new holder's: never more than the stale ones.
    expect(s.staleWrites).toBeGreaterThanOrEqual(s.unsafeWrites);
    expect(s.fencedRejections).toBe(0);
    expect(result.requests.failed.rejected).toBe(0);
  });

  test("fencing refuses exactly the writes that were unsafe without it, and lets none through", () => {
    const open = simulate(scenario({ ttl: "10s", pauses: PAUSES }));
    const fenced = simulate(scenario({ ttl: "10s", pauses: PAUSES }, true));
    expect(store(fenced).unsafeWrites).toBe(0);
    expect(store(fenced).fencedRejections).toBe(store(open).unsafeWrites);
    expect(store(fenced).staleWrites).toBe(store(open).staleWrites);
    expect(fenced.requests.failed.rejected).toBe(store(fenced).fencedRejections);
  });

  test("pauses strike at their rate over the holders' working time and last their mean", () => {
    const result = simulate(scenario({ ttl: "30s", pauses: PAUSES }));
    const { pauses, pausedTime, grants } = locks(result);
    // Work is 0.2 s a grant; pauses are Poisson at 0.5/s of work: 0.1 per grant (± 4 sd).
    const expected = 0.1 * grants;
    expect(Math.abs(pauses - expected)).toBeLessThan(4 * Math.sqrt(expected));
    // Uniform on [1, 20]: mean 10.5, sd 19/√12.
    const sdOfMean = 19 / Math.sqrt(12) / Math.sqrt(pauses);
    expect(Math.abs(pausedTime / pauses - 10.5)).toBeLessThan(4 * sdOfMean);
  });

  test("renewals keep a critical section longer than the lease, and there are ⌊25 / (10/3)⌋ = 7 of them", () => {
    const long = {
      version: 1,
      seed: 1,
      run: { duration: "600s" },
      workload: {
        clients: { users: 2, think: "1s" },
        requests: [{ name: "batch", steps: [{ io: "25s" }, { call: "store", hold: "10ms" }] }],
      },
      entry: "locks",
      components: { locks: { type: "lock-service", ttl: "10s" }, store: { type: "storage", fencing: true } },
    };
    const result = simulate(long);
    expect(locks(result).expired).toBe(0);
    expect(locks(result).renewals).toBeGreaterThanOrEqual(7 * (locks(result).grants - 1));
    expect(locks(result).renewals).toBeLessThanOrEqual(7 * locks(result).grants);
    expect(store(result).fencedRejections).toBe(0);
  });

  test("a holder that never pauses keeps its lease however short it is", () => {
    const result = simulate(scenario({ ttl: "1s" }));
    expect(locks(result).expired).toBe(0);
    expect(store(result).staleWrites).toBe(0);
  });

  test('"queue": 0 is a try-lock: a caller finding the lock held is refused at once', () => {
    const result = simulate(scenario({ ttl: "10s", queue: 0 }, false, "600s"));
    expect(locks(result).rejected).toBeGreaterThan(0);
    expect(result.requests.failed.rejected).toBe(locks(result).rejected);
    expect(locks(result).queueLength.max).toBe(0);
  });

  test("fencing tokens rise by one with each grant", () => {
    const result = simulate(scenario({ ttl: "10s", pauses: PAUSES }, false, "600s"));
    // The warm-up's grants took the tokens below; every measured grant took the next one.
    expect(locks(result).lastToken).toBeGreaterThanOrEqual(locks(result).grants);
    const noWarmup = {
      ...scenario({ ttl: "10s", pauses: PAUSES }, false, "600s"),
      run: { duration: "600s" },
    };
    const whole = simulate(noWarmup);
    expect(locks(whole).lastToken).toBe(locks(whole).grants);
  });

  test("a timeline records the measured part's lease events in order, agreeing with the counts", () => {
    const result = simulate(scenario({ ttl: "10s", pauses: PAUSES, timeline: 1_000_000 }, false, "900s"));
    const l = locks(result);
    const events = l.timeline!;
    const count = (kind: string) => events.filter((e) => e.event === kind).length;
    expect(count("grant")).toBe(l.grants);
    expect(count("expire")).toBe(l.expired);
    expect(count("release")).toBe(l.releases);
    expect(count("pause")).toBe(l.pauses);
    expect(count("stale-write") + count("unsafe-write")).toBe(store(result).staleWrites);
    expect(count("unsafe-write")).toBe(store(result).unsafeWrites);
    expect(count("write") + count("stale-write") + count("unsafe-write")).toBe(store(result).writes);
    const grants = events.filter((e) => e.event === "grant").map((e) => e.token);
    expect(grants.every((token, i) => i === 0 || token === grants[i - 1]! + 1)).toBe(true);
    expect(events.every((e, i) => i === 0 || e.at >= events[i - 1]!.at)).toBe(true);
    expect(events.every((e) => e.at >= 60 && e.client >= 0 && e.client < 3)).toBe(true);
    const short = simulate(scenario({ ttl: "10s", pauses: PAUSES, timeline: 10 }, false, "900s"));
    expect(locks(short).timeline).toEqual(events.slice(0, 10));
    expect(locks(simulate(scenario({ ttl: "10s" }, false, "60s")))).not.toHaveProperty("timeline");
  });

  test("the figures every component reports: the lock held part of the time, holders and waiters in it", () => {
    const result = simulate(scenario({ ttl: "10s", pauses: PAUSES }));
    const l = locks(result);
    expect(l.served).toBe(l.grants);
    expect(l.utilization).toBeGreaterThan(0);
    expect(l.utilization).toBeLessThanOrEqual(1);
    // Holders whose lease expired are still in their critical section: at least the held lock and the waiters.
    expect(l.inSystem.mean).toBeGreaterThan(l.utilization + l.queueLength.mean);
    expect(l.inSystem.max).toBeLessThanOrEqual(3);
    expect(store(result).served).toBe(store(result).writes);
  });

  test("called from another component's steps, with a wait limit and a client timeout, every caller is accounted for", () => {
    const nested = {
      version: 1,
      seed: 9,
      run: { duration: "600s" },
      workload: {
        arrival: { process: "poisson", rate: 4 },
        requests: [
          {
            name: "job",
            timeout: "3s",
            steps: [{ call: "locks", steps: [{ cpu: { exp: "200ms" } }, { call: "store", hold: "5ms" }] }],
          },
        ],
      },
      entry: "app",
      components: {
        app: { type: "station", servers: 1000 },
        locks: { type: "lock-service", ttl: "10s", wait: "1s" },
        store: { type: "storage", fencing: true },
      },
    };
    const result = simulate(nested);
    const l = locks(result);
    // Offered 4 × 0.2 = 0.8 of one lock: callers wait, some longer than 1 s and are refused.
    expect(l.acquireTimeouts).toBeGreaterThan(0);
    expect(l.rejected).toBe(l.acquireTimeouts);
    expect(l.utilization).toBeGreaterThan(0.5);
    expect(l.utilization).toBeLessThan(0.8);
    // No pauses, so no lease runs out; every grant writes once (the last may still be running).
    expect(l.expired).toBe(0);
    expect(l.grants - store(result).writes).toBeGreaterThanOrEqual(0);
    expect(l.grants - store(result).writes).toBeLessThanOrEqual(1);
    expect(store(result).unlocked).toBe(0);
    expect(result.requests.failed.rejected).toBe(l.rejected);
    expect(l.inSystem.mean).toBeGreaterThanOrEqual(l.utilization);
  });

  test("the same scenario and seed give the same result", () => {
    const a = simulate(scenario({ ttl: "10s", pauses: PAUSES }, true, "900s"));
    const b = simulate(scenario({ ttl: "10s", pauses: PAUSES }, true, "900s"));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
