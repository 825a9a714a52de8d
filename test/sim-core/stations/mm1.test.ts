// M/M/1 against exact theory: W = 1/(μ − λ), Wq = ρ/(μ − λ), L = ρ/(1 − ρ), P(wait) = ρ.
import { describe, expect, test } from "vitest";
import { runChecked } from "../support/run-checked";
import { exp, openStation } from "../support/scenarios";
import { expectProportion, expectWithinCi } from "../support/tolerance";

describe("M/M/1", () => {
  for (const rho of [0.5, 0.8]) {
    test(`ρ = ${rho}: W, Wq, L and P(wait) match theory`, () => {
      const mu = 1;
      const lambda = rho * mu;
      const result = runChecked(
        openStation({ rate: lambda, service: exp(1 / mu), requests: 400_000, seed: 11 }),
      );
      const w = 1 / (mu - lambda);
      const wq = rho / (mu - lambda);
      const l = rho / (1 - rho);
      expect(result.requests.completed).toBe(400_000);
      expectWithinCi(result.latency.mean, w, result, 1, "W");
      expectWithinCi(result.wait.mean, wq, result, 1, "Wq");
      // L = λW: its error is λ times W's.
      expectWithinCi(result.inSystem.mean, l, result, lambda, "L");
      expectWithinCi(result.components.q!.inSystem.mean, l, result, lambda, "station L");
      // P(wait) is a time-correlated proportion; inflate the binomial error by √((1+ρ)/(1−ρ)), the
      // variance factor of a busy indicator in a birth–death chain.
      expectProportion(
        result.wait.probability,
        rho,
        result.requests.completed,
        Math.sqrt((1 + rho) / (1 - rho)),
        "P(wait)",
      );
      expectProportion(
        result.components.q!.utilization,
        rho,
        result.requests.completed,
        Math.sqrt((1 + rho) / (1 - rho)),
        "utilization",
      );
    });
  }
});
