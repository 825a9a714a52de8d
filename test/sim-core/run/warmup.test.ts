// Warm-up is never measured: statistics cover only the measured part.
import type { Scenario } from "@syslab/sim-core";
import { runScenario } from "@syslab/sim-core";
import { describe, expect, test } from "vitest";
import { runChecked } from "../support/run-checked";
import { constant, exp, serviceClass, station } from "../support/scenarios";

/** Arrivals at 10/s for the first 100 s (warm-up), then 1/s: a warm-up that leaks would show its rate. */
function twoPhase(warmup: Scenario["run"]["warmup"], length: Scenario["run"]["length"]): Scenario {
  return {
    version: 1,
    seed: 91,
    run: { length, warmup, limits: {} },
    workload: {
      arrival: {
        process: "constant",
        rate: [
          { from: 0, rate: 10 },
          { from: 100, rate: 1 },
        ],
      },
      requests: [serviceClass(constant(0.5))],
    },
    entry: "q",
    components: { q: station({ servers: 10 }) },
  };
}

describe("warm-up", () => {
  test("a time warm-up: counts, throughput and utilisation cover the measured window only", () => {
    const result = runChecked(twoPhase({ kind: "time", duration: 100 }, { kind: "time", duration: 200 }));
    expect(Math.abs(result.requests.arrived - 200)).toBeLessThanOrEqual(1);
    expect(result.throughput).toBeCloseTo(1, 1);
    expect(result.components.q!.utilization).toBeCloseTo(0.05, 2); // 1/s × 0.5 s over 10 servers
    expect(result.simulated.time).toBeCloseTo(300, 6);
    expect(result.series.time[0]).toBe(0);
  });

  test("a request-count warm-up: the first W arrivals are not counted, the next N are", () => {
    const result = runChecked(twoPhase({ kind: "requests", count: 1000 }, { kind: "requests", count: 150 }));
    expect(result.requests.arrived).toBe(150);
    expect(result.requests.completed).toBe(150);
    expect(result.throughput).toBeCloseTo(1, 1);
  });

  test("without warm-up the early burst is measured (the test above can fail)", () => {
    const result = runScenario(twoPhase({ kind: "time", duration: 0 }, { kind: "time", duration: 300 }));
    expect(result.requests.arrived).toBeGreaterThan(1000);
  });

  test("warm-up transients are dropped: an M/M/1 started empty reports a mean close to steady state", () => {
    const scenario: Scenario = {
      version: 1,
      seed: 92,
      run: {
        length: { kind: "requests", count: 20_000 },
        warmup: { kind: "requests", count: 20_000 },
        limits: {},
      },
      workload: { arrival: { process: "poisson", rate: 0.9 }, requests: [serviceClass(exp(1))] },
      entry: "q",
      components: { q: station() },
    };
    const result = runChecked(scenario);
    expect(result.requests.arrived).toBe(20_000);
    expect(result.latency.mean).toBeGreaterThan(5); // steady state W = 10; an empty start would pull it well down
  });
});
