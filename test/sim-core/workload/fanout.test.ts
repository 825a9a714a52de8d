// Fan-out: a request that calls n servers in parallel and waits for all of them is as slow as the
// slowest — the tail at scale (Dean & Barroso 2013). With n exponential calls of mean m and no
// queueing, the wait for all is the maximum, mean m × H_n; the wait for the first k is the k-th
// order statistic, mean m × (H_n − H_(n−k)).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { Result } from "../../../packages/sim-core/src/result/model";
import { simulate } from "../../../packages/sim-core/src/run/simulate";
import { parseScenario } from "../../../packages/sim-core/src/scenario/parse-scenario";

const harmonic = (n: number) => Array.from({ length: n }, (_, i) => 1 / (i + 1)).reduce((a, b) => a + b, 0);

function fanOut(
  fanout: Record<string, unknown>,
  shards: Record<string, unknown> = { servers: 100000 },
): Result {
  return simulate({
    version: 1,
    seed: 4,
    run: { requests: 20000, warmup: 500 },
    workload: {
      arrival: { process: "poisson", rate: 20 },
      requests: [
        { name: "search", steps: [{ fanout: { call: "shards", hold: { exp: "10ms" }, ...fanout } }] },
      ],
    },
    entry: "front",
    components: { front: { type: "station", servers: 1000 }, shards: { type: "station", ...shards } },
  });
}

function expectMeanNear(result: Result, theory: number) {
  const halfWidth = (result.latency.meanCi95.high - result.latency.meanCi95.low) / 2;
  expect(halfWidth).toBeLessThan(0.03 * theory);
  expect(Math.abs(result.latency.mean - theory)).toBeLessThan(2 * halfWidth);
}

describe("a fan-out to 100 calls of exp(10 ms)", () => {
  test("waiting for all takes the maximum: mean 10 ms × H_100 = 51.9 ms, median ≈ one call's p99", () => {
    const result = fanOut({ count: 100 });
    expectMeanNear(result, 0.01 * harmonic(100));
    // P(max ≤ x) = (1 − e^(−x/m))^100 = ½ at x = −m ln(1 − 2^(−1/100)) = 49.7 ms; one call's p99 is 46 ms.
    expect(Math.abs(result.latency.p50 - 0.0497)).toBeLessThan(0.002);
    expect(result.components.shards!.served).toBeGreaterThanOrEqual(100 * result.requests.completed);
  });

  test("waiting for the first 50 takes the 50th order statistic: 10 ms × (H_100 − H_50) = 6.9 ms", () => {
    expectMeanNear(fanOut({ count: 100, wait: 50 }), 0.01 * (harmonic(100) - harmonic(50)));
  });

  test("a call it cannot do without that fails fails the request", () => {
    const result = fanOut(
      { count: 10, wait: 9 },
      { servers: 100000, capacity: 100000, outages: [{ at: "0s", for: "1000000s" }] },
    );
    expect(result.requests.completed).toBe(0);
    expect(result.requests.failed.reset).toBe(result.requests.arrived);
  });
});

test("a fan-out's wait is at most its count, and its call must carry what the target needs", () => {
  const scenario = (fanout: Record<string, unknown>) => ({
    version: 1,
    seed: 1,
    run: { requests: 10 },
    workload: { arrival: { process: "poisson", rate: 1 }, requests: [{ name: "r", steps: [{ fanout }] }] },
    entry: "front",
    components: { front: { type: "station" }, shards: { type: "station" } },
  });
  const tooMany = parseScenario(scenario({ call: "shards", hold: "1ms", count: 3, wait: 4 }));
  expect(tooMany.ok).toBe(false);
  if (!tooMany.ok)
    expect(tooMany.problems.map((p) => p.path)).toContain("workload.requests[0].steps[0].fanout.wait");
  const noHold = parseScenario(scenario({ call: "shards", count: 3 }));
  expect(noHold.ok).toBe(false);
  if (!noHold.ok) expect(noHold.problems.map((p) => p.code)).toContain("scenario.call-needs-hold");
});

test("fanout-tail-at-scale.json: mean 10 ms × H_100 = 51.9 ms", () => {
  const file = join(__dirname, "../../../examples/balancing/fanout-tail-at-scale.json");
  expectMeanNear(simulate(JSON.parse(readFileSync(file, "utf8"))), 0.01 * harmonic(100));
});
