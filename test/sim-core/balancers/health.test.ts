// Health checks and passive ejection when a backend dies: traffic stops after about
// interval × fall, and the requests that fail meanwhile are rate × share × detection time.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { OutlierDetection } from "../../../packages/sim-core/src/balancers/outlier-detection";
import { Simulation } from "../../../packages/sim-core/src/kernel/simulation";
import type { BalancerStats, Result } from "../../../packages/sim-core/src/result/model";
import { simulate } from "../../../packages/sim-core/src/run/simulate";

// biome-ignore lint/suspicious/noExplicitAny: an example document, edited field by field in each test.
type Json = Record<string, any>;

function example(file: string): Json {
  return JSON.parse(readFileSync(join(__dirname, "../../../examples/balancing", file), "utf8"));
}

const lb = (result: Result) => result.components.lb as unknown as BalancerStats;

/**
 * When s0 (the first of four, checked at 0, interval, 2 × interval, …) is marked down after dying
 * at `at`: its first failed check is the first at or after `at`, and `fall` − 1 more follow.
 */
function markedDownAt(at: number, interval: number, fall: number): number {
  return Math.ceil(at / interval) * interval + (fall - 1) * interval;
}

describe("a backend that dies behind active health checks", () => {
  test.each([
    [2, 3],
    [2, 1],
    [5, 3],
    [1, 5],
  ])("interval %is, fall %i: failed requests ≈ rate × 1/4 × detection time", (interval, fall) => {
    const scenario = example("backend-dies.json");
    scenario.components.lb.healthCheck = { interval, fall, rise: 2 };
    const result = simulate(scenario);
    const detection = markedDownAt(61, interval, fall) - 61;
    const expected = 100 * 0.25 * detection;
    // Round robin sends s0 every fourth of the Poisson arrivals in the window: a count with
    // variance below the Poisson λt; 4 sd of a Poisson count bounds it.
    expect(Math.abs(result.requests.failed.reset - expected)).toBeLessThan(4 * Math.sqrt(expected) + 1);
    const s0 = lb(result).backends.s0!;
    expect(s0.failed).toBe(result.requests.failed.reset);
    expect(s0.upWhileDown).toBeCloseTo(detection, 6);
    // Back at 121 s; `rise` = 2 passing checks later it is used again.
    expect(s0.downWhileUp).toBeCloseTo(markedDownAt(121, interval, 2) - 121, 6);
    expect(lb(result).backends.s1!.downWhileUp).toBe(0);
  });

  test("a hung backend fails checks only after their timeout, and its requests time out", () => {
    const scenario = example("backend-dies.json");
    scenario.components.s0.outages = [{ at: "61s", for: "60s", mode: "hang" }];
    scenario.components.lb.healthCheck = { interval: "2s", timeout: "1s", fall: 3, rise: 2 };
    scenario.workload.requests[0].timeout = "500ms";
    const result = simulate(scenario);
    const detection = 66 + 1 - 61; // the third failed check (at 66 s) fails when it times out, 1 s later
    expect(lb(result).backends.s0!.upWhileDown).toBeCloseTo(detection, 6);
    expect(result.requests.failed.reset).toBe(0);
    const expected = 100 * 0.25 * detection;
    expect(Math.abs(result.requests.failed.timeout - expected)).toBeLessThan(4 * Math.sqrt(expected) + 1);
  });
});

describe("passive ejection", () => {
  test("ejects after consecutive failures, for base × n each time: 10 failures instead of 125", () => {
    const result = simulate(example("passive-ejection.json"));
    const s0 = lb(result).backends.s0!;
    expect(s0.ejections).toBe(2);
    expect(s0.failed).toBe(10);
    expect(result.requests.failed.reset).toBe(10);
    // Ejected again at about 91 s for 60 s: unused until about 151 s though back at 121 s.
    expect(Math.abs(s0.downWhileUp - 30)).toBeLessThan(1);
  });

  test.each([
    [10, 1],
    [50, 2],
    [0, 0],
  ])("with maxEjectionPercent %i of 4 backends at most %i are out at once", (percent, most) => {
    const out = new Set<number>();
    let peak = 0;
    const board = {
      measuring: true,
      checked() {},
      ejected(b: number, isOut: boolean) {
        if (isOut) out.add(b);
        else out.delete(b);
        peak = Math.max(peak, out.size);
      },
    };
    const sim = new Simulation();
    const spec = { consecutiveFailures: 5, baseEjectionTime: 30, maxEjectionPercent: percent };
    const detection = new OutlierDetection(spec, sim, board, 4);
    for (let i = 0; i < 5; i++) for (const b of [0, 1, 2]) detection.record(b, true);
    expect(out.size).toBe(most);
    expect(peak).toBe(most);
  });
});

test("below the panic threshold the balancer sends to every backend, dead or not", () => {
  const scenario = example("backend-dies.json");
  for (const name of ["s0", "s1", "s2"]) scenario.components[name].outages = [{ at: "61s", for: "60s" }];
  const result = simulate(scenario);
  // Three of four down: 25% healthy is below 50%, so all four share the traffic while they are down.
  const stats = lb(result);
  expect(stats.panic).toBeGreaterThan(50);
  expect(stats.backends.s0!.requests).toBeGreaterThan(0.2 * stats.requests);
  const withoutPanic = example("backend-dies.json");
  for (const name of ["s0", "s1", "s2"]) withoutPanic.components[name].outages = [{ at: "61s", for: "60s" }];
  withoutPanic.components.lb.panicThreshold = 0;
  const calm = lb(simulate(withoutPanic));
  expect(calm.panic).toBe(0);
  expect(calm.backends.s3!.requests).toBeGreaterThan(stats.backends.s3!.requests);
});

test("slow start ramps a returning backend's share up over the slow-start window", () => {
  const scenario = example("backend-dies.json");
  scenario.components.lb.algorithm = "weighted-round-robin";
  const plain = lb(simulate(scenario)).backends.s0!.requests;
  scenario.components.lb.slowStart = "30s";
  const ramped = lb(simulate(scenario)).backends.s0!.requests;
  // Over the 30 s ramp s0 gets on average a bit over half its share: ~25/s × 30 s × (1 − 0.55) ≈ 330 fewer.
  expect(plain - ramped).toBeGreaterThan(200);
  expect(plain - ramped).toBeLessThan(500);
});
