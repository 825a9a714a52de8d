// A closed system (N users, think time Z, one exponential FCFS station) against exact mean value analysis.
import type { Scenario } from "@syslab/sim-core";
import { describe, expect, test } from "vitest";
import { meanValueAnalysis } from "../support/mean-value-analysis";
import { runChecked } from "../support/run-checked";
import { exp, serviceClass, station } from "../support/scenarios";
import { expectWithinCi } from "../support/tolerance";

function closed(users: number, think: number, service: number, discipline: "fcfs" | "ps" = "fcfs"): Scenario {
  return {
    version: 1,
    seed: 61,
    run: {
      length: { kind: "requests", count: 300_000 },
      warmup: { kind: "requests", count: 5_000 },
      limits: {},
    },
    workload: { clients: { users, think: exp(think) }, requests: [serviceClass(exp(service))] },
    entry: "q",
    components: { q: station({ discipline }) },
  };
}

describe("closed clients", () => {
  for (const [users, think, service] of [
    [1, 1, 1],
    [10, 5, 0.5],
    [30, 2, 0.1],
  ] as const) {
    test(`N = ${users}, Z = ${think}, S = ${service}: response time and throughput match MVA`, () => {
      const result = runChecked(closed(users, think, service));
      const theory = meanValueAnalysis(users, think, service);
      expectWithinCi(result.latency.mean, theory.responseTime, result, 1, "R");
      // X = N/(Z + R): its error follows R's, scaled by ∂X/∂R = N/(Z + R)².
      expectWithinCi(
        result.throughput,
        theory.throughput,
        result,
        users / (think + theory.responseTime) ** 2 + 0.01,
        "X",
      );
      expect(result.inSystem.max).toBeLessThanOrEqual(users);
    });
  }

  test("MVA also holds for a processor-sharing station (product form)", () => {
    const result = runChecked(closed(10, 5, 0.5, "ps"));
    expectWithinCi(result.latency.mean, meanValueAnalysis(10, 5, 0.5).responseTime, result, 1, "R");
  });
});
