// Request classes: picked in proportion to weight; a sequence of calls visits stations in turn.
import type { Scenario } from "@syslab/sim-core";
import { describe, expect, test } from "vitest";
import { runChecked } from "../support/run-checked";
import { exp, openStation, station } from "../support/scenarios";
import { expectWithinCi } from "../support/tolerance";

describe("request classes and calls", () => {
  test("classes arrive in proportion to their weights", () => {
    const result = runChecked(
      openStation({
        rate: 0.5,
        classes: [
          { name: "a", weight: 1, priority: 0, steps: [{ kind: "service", duration: exp(1) }] },
          { name: "b", weight: 3, priority: 0, steps: [{ kind: "service", duration: exp(1) }] },
        ],
        requests: 100_000,
      }),
    );
    const share = result.requests.byClass.a!.arrived / result.requests.arrived;
    expect(Math.abs(share - 0.25)).toBeLessThanOrEqual(5 * Math.sqrt((0.25 * 0.75) / 100_000));
  });

  test("tandem M/M/1 queues (a Jackson network): W = Σ 1/(μ_i − λ)", () => {
    const scenario: Scenario = {
      version: 1,
      seed: 81,
      run: {
        length: { kind: "requests", count: 300_000 },
        warmup: { kind: "requests", count: 10_000 },
        limits: {},
      },
      workload: {
        arrival: { process: "poisson", rate: 0.6 },
        requests: [
          {
            name: "job",
            weight: 1,
            priority: 0,
            steps: [
              { kind: "service", duration: exp(1) },
              { kind: "call", target: "db", hold: exp(0.5) },
              { kind: "io", duration: { kind: "constant", value: 0.25 } },
            ],
          },
        ],
      },
      entry: "web",
      components: { web: station(), db: station() },
    };
    const result = runChecked(scenario);
    const theory = 1 / (1 - 0.6) + 1 / (2 - 0.6) + 0.25;
    expectWithinCi(result.latency.mean, theory, result, 1, "W");
    expect(result.components.db!.utilization).toBeCloseTo(0.3, 1);
    expect(result.components.web!.utilization).toBeCloseTo(0.6, 1);
  });
});
