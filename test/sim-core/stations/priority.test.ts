// Non-preemptive priority in M/G/1: each class's mean wait against Cobham's formula.
import { describe, expect, test } from "vitest";
import { nonPreemptivePriorityWaits } from "../support/non-preemptive-priority";
import { runChecked } from "../support/run-checked";
import { openStation } from "../support/scenarios";

describe("priority discipline", () => {
  test("three classes at total ρ = 0.85 wait as Cobham's formula says", () => {
    const lambda = 0.85;
    const shares = [0.2, 0.3, 0.5];
    const result = runChecked(
      openStation({
        rate: lambda,
        classes: [
          {
            name: "high",
            weight: shares[0]!,
            priority: 2,
            steps: [{ kind: "service", duration: { kind: "exp", mean: 1 } }],
          },
          {
            name: "mid",
            weight: shares[1]!,
            priority: 1,
            steps: [{ kind: "service", duration: { kind: "exp", mean: 1 } }],
          },
          {
            name: "low",
            weight: shares[2]!,
            priority: 0,
            steps: [{ kind: "service", duration: { kind: "exp", mean: 1 } }],
          },
        ],
        station: { discipline: "priority" },
        requests: 800_000,
        seed: 51,
      }),
    );
    const theory = nonPreemptivePriorityWaits(
      shares.map((s) => ({ lambda: lambda * s, meanService: 1, secondMoment: 2 })),
    );
    const measured = ["high", "mid", "low"].map((name) => result.requests.byClass[name]!.waitMean);
    // Tolerance: the overall CI scaled by each class's wait relative to the mean wait (the low class
    // carries nearly all the variance), times the safety factor of support/tolerance.ts.
    const halfWidth = (result.latency.meanCi95.high - result.latency.meanCi95.low) / 2;
    const meanWait = result.wait.mean;
    theory.forEach((wq, i) => {
      const tolerance = 2.5 * halfWidth * Math.max(1, wq / meanWait) + 0.02 * wq;
      expect(Math.abs(measured[i]! - wq), `class ${i}: ${measured[i]} vs ${wq}`).toBeLessThanOrEqual(
        tolerance,
      );
    });
    expect(measured[0]!).toBeLessThan(measured[1]!);
    expect(measured[1]!).toBeLessThan(measured[2]!);
  });

  test("within one priority level the order is first come, first served", () => {
    const priority = runChecked(
      openStation({
        rate: 0.8,
        service: { kind: "exp", mean: 1 },
        station: { discipline: "priority" },
        requests: 50_000,
        seed: 52,
      }),
    );
    const fcfs = runChecked(
      openStation({
        rate: 0.8,
        service: { kind: "exp", mean: 1 },
        station: { discipline: "fcfs" },
        requests: 50_000,
        seed: 52,
      }),
    );
    const { scenarioHash: _a, ...p } = priority;
    const { scenarioHash: _b, ...f } = fcfs;
    expect(p).toEqual(f);
  });
});
