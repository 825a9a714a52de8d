// Limiters against their definitions: a token bucket passes at most r·t + b in any window t; a
// leaky bucket without nodelay spaces what it passes at 1/r; a sliding window never passes more
// than its limit in a window; a concurrency limit N at offered load a refuses Erlang B(N, a).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ConcurrencyLimit } from "../../../packages/sim-core/src/limiters/concurrency-limit";
import { LeakyBucket } from "../../../packages/sim-core/src/limiters/leaky-bucket";
import { type LimitRule, LimitState } from "../../../packages/sim-core/src/limiters/limit-rule";
import { SlidingWindow } from "../../../packages/sim-core/src/limiters/sliding-window";
import { TokenBucket } from "../../../packages/sim-core/src/limiters/token-bucket";
import { randomStream } from "../../../packages/sim-core/src/random/streams";
import { simulate } from "../../../packages/sim-core/src/run/simulate";

/** Poisson arrivals at `rate` for `duration` seconds through `rule`: when each passed request leaves it. */
function drive(rule: LimitRule, rate: number, duration: number, seed = 1) {
  const rng = randomStream(seed, "limiter");
  const state = new LimitState();
  rule.fresh(state, 0);
  const passed: number[] = [];
  let refused = 0;
  for (let t = 0; ; ) {
    t += -Math.log(1 - rng.nextDouble()) / rate;
    if (t > duration) break;
    const verdict = rule.admit(state, t);
    if (verdict < 0) refused++;
    else passed.push(t + verdict);
  }
  return { passed, refused };
}

/** The most of `times` (ascending) inside any half-open window of length `t`. */
function busiestWindow(times: number[], t: number): number {
  let most = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while (times[j]! - times[i]! >= t) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

describe("a token bucket of rate r and burst b", () => {
  const r = 50;
  const b = 20;

  test.each([0.01, 0.1, 0.5, 1, 5, 30])("passes at most r·t + b in any window of t = %ss", (t) => {
    const { passed } = drive(new TokenBucket(r, b), 3 * r, 300);
    expect(busiestWindow(passed, t)).toBeLessThanOrEqual(Math.floor(r * t + b));
  });

  test("under a steady overload passes r per second, refusing the rest", () => {
    const { passed, refused } = drive(new TokenBucket(r, b), 3 * r, 300);
    expect(Math.abs(passed.length - (r * 300 + b))).toBeLessThan(0.01 * r * 300);
    expect(passed.length + refused).toBeGreaterThan(0);
  });
});

describe("a leaky bucket (NGINX limit_req)", () => {
  const r = 20;

  test("without nodelay spaces passed requests at least 1/r apart, exactly 1/r while backlogged", () => {
    const { passed } = drive(new LeakyBucket(r, 10, false), 3 * r, 200);
    const sorted = [...passed].sort((x, y) => x - y);
    let backlogged = 0;
    for (let i = 1; i < sorted.length; i++) {
      const gap = sorted[i]! - sorted[i - 1]!;
      expect(gap).toBeGreaterThanOrEqual(1 / r - 1e-9);
      if (Math.abs(gap - 1 / r) < 1e-9) backlogged++;
    }
    expect(backlogged / sorted.length).toBeGreaterThan(0.9); // at 3× the rate it is nearly always backlogged
    expect(Math.abs(sorted.length - r * 200)).toBeLessThan(0.01 * r * 200);
  });

  test("with burst 0 refuses anything closer than 1/r to the last passed", () => {
    const rule = new LeakyBucket(r, 0, false);
    const state = new LimitState();
    rule.fresh(state, 0);
    expect(rule.admit(state, 0)).toBe(0);
    expect(rule.admit(state, 0.5 / r)).toBe(-1);
    expect(rule.admit(state, 1 / r)).toBe(0);
  });

  test("with nodelay passes at once, at most r·t + burst + 1 in any window", () => {
    const burst = 10;
    const { passed } = drive(new LeakyBucket(r, burst, true), 3 * r, 200);
    for (const t of [0.01, 0.5, 2, 20])
      expect(busiestWindow(passed, t)).toBeLessThanOrEqual(Math.floor(r * t) + burst + 1);
  });
});

test("a sliding window never passes more than its limit in one of its windows", () => {
  const limit = 30;
  const { passed } = drive(new SlidingWindow(limit, 1), 100, 200);
  const perWindow = new Map<number, number>();
  for (const t of passed) perWindow.set(Math.floor(t), (perWindow.get(Math.floor(t)) ?? 0) + 1);
  for (const count of perWindow.values()) expect(count).toBeLessThanOrEqual(limit);
  // The weighted estimate keeps the rate near the limit: between 80% and 100% of it under overload.
  expect(passed.length / 200).toBeGreaterThan(0.8 * limit);
  expect(passed.length / 200).toBeLessThanOrEqual(limit);
});

test("a concurrency limit gives permits back as requests leave", () => {
  const rule = new ConcurrencyLimit(2);
  const state = new LimitState();
  rule.fresh(state);
  expect([rule.admit(state), rule.admit(state), rule.admit(state)]).toEqual([0, 0, -1]);
  rule.release(state);
  expect(rule.admit(state)).toBe(0);
});

function erlangB(n: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= n; k++) b = (a * b) / (k + a * b);
  return b;
}

const scenario = (limiter: Record<string, unknown>, rate: number, duration: string, extra = {}) => ({
  version: 1,
  seed: 9,
  run: { duration, warmup: "50s" },
  workload: {
    arrival: { process: "poisson", rate },
    requests: [{ name: "r", steps: [{ service: { exp: "1s" } }], ...extra }],
  },
  entry: "gate",
  components: {
    gate: { type: "limiter", target: "web", ...limiter },
    web: { type: "station", servers: 1000 },
  },
});

test("a concurrency limit of N at offered load a refuses Erlang B(N, a), counted as limited (429)", () => {
  const n = 10;
  const a = 8;
  const result = simulate(scenario({ algorithm: "concurrency", limit: n }, a, "20000s"));
  const theory = erlangB(n, a); // 0.1217
  const refused = result.requests.failed.limited / result.requests.arrived;
  // 160,000 arrivals: the refused share's sd is about √(B(1 − B)/n) ≈ 0.0008, times a few for correlation.
  expect(Math.abs(refused - theory)).toBeLessThan(0.006);
  expect(result.requests.failed.rejected).toBe(0);
  const gate = result.components.gate as { limited: number; utilization: number };
  expect(gate.limited).toBe(result.requests.failed.limited);
  expect(Math.abs(gate.utilization - (a * (1 - theory)) / n)).toBeLessThan(0.01);
});

test("per key: each key has its own bucket", () => {
  const keyed = { uniform: { keys: 4 } };
  const global = simulate(
    scenario({ algorithm: "token-bucket", rate: 10, burst: 5 }, 100, "100s", { key: keyed }),
  );
  const perKey = simulate(
    scenario({ algorithm: "token-bucket", rate: 10, burst: 5, per: "key" }, 100, "100s", { key: keyed }),
  );
  // Global: 10/s pass. Per key: 4 keys × 10/s = 40/s pass (each key's 25/s is over its rate).
  expect(Math.abs(global.throughput - 10)).toBeLessThan(0.5);
  expect(Math.abs(perKey.throughput - 40)).toBeLessThan(1.5);
});

describe("the limiter examples", () => {
  const example = (file: string) =>
    simulate(JSON.parse(readFileSync(join(__dirname, "../../../examples/balancing", file), "utf8")));

  test("concurrency-limit-erlang-b.json refuses Erlang B(10, 8) = 12.2%", () => {
    const result = example("concurrency-limit-erlang-b.json");
    expect(erlangB(10, 8)).toBeCloseTo(0.1217, 4);
    expect(Math.abs(result.requests.failed.limited / result.requests.arrived - erlangB(10, 8))).toBeLessThan(
      0.006,
    );
  });

  test("token-bucket.json passes 50/s and refuses 100/s", () => {
    const result = example("token-bucket.json");
    // 100 s measured: passes 50 × 100 (+ at most the burst); arrivals are Poisson, sd √15000 ≈ 122.
    expect(Math.abs(result.throughput - 50)).toBeLessThan(0.5);
    expect(Math.abs(result.requests.failed.limited - 10000)).toBeLessThan(4 * Math.sqrt(15000) + 20);
  });
});
