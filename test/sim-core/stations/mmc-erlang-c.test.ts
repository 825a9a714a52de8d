// M/M/c against Erlang C, for c ∈ {1, 2, 8, 32} and ρ ∈ {0.5, 0.9, 0.95}.
import { describe, expect, test } from "vitest";
import { erlangC } from "../support/erlang-c";
import { runChecked } from "../support/run-checked";
import { exp, openStation } from "../support/scenarios";
import { expectWithinCi } from "../support/tolerance";

/**
 * Run lengths: the relative standard error of mean latency in M/M/1 after n customers is about
 * √(2(1+ρ)/n)/(1−ρ) (the asymptotic variance of the queue length, Whitt 1989); with more servers
 * waits are shorter and the error smaller. 800k customers keep ρ = 0.95, c = 1 near ±8%, with
 * the CI-derived tolerance doing the rest; lighter loads need far fewer.
 */
const REQUESTS: Record<number, number> = { 0.5: 100_000, 0.9: 300_000, 0.95: 800_000 };

describe("M/M/c against Erlang C", () => {
  for (const c of [1, 2, 8, 32]) {
    for (const rho of [0.5, 0.9, 0.95]) {
      test(`c = ${c}, ρ = ${rho}`, () => {
        const mu = 1;
        const lambda = rho * c * mu;
        const theory = erlangC(c, lambda, mu);
        const requests = REQUESTS[rho]!;
        const result = runChecked(
          openStation({
            rate: lambda,
            service: exp(1 / mu),
            station: { servers: c },
            requests,
            warmup: requests / 20,
            seed: 100 + c,
          }),
        );
        expectWithinCi(result.latency.mean, theory.w, result, 1, "W");
        expectWithinCi(result.wait.mean, theory.wq, result, 1, "Wq");
        expectWithinCi(result.components.q!.queueLength.mean, theory.lq, result, lambda, "Lq");
        // P(wait) is a proportion of n correlated arrivals: binomial error inflated by √2/(1 − ρ), the
        // square root of twice the queue's relaxation time in service times (≈ 1/(1 − ρ)², Kleinrock
        // vol. 2 §2.1), at 5 standard errors.
        const n = result.requests.completed;
        const pWaitTolerance =
          (5 * Math.sqrt((theory.pWait * (1 - theory.pWait)) / n) * Math.SQRT2) / (1 - rho);
        expect(Math.abs(result.wait.probability - theory.pWait)).toBeLessThanOrEqual(pWaitTolerance);
        // Utilisation, a time average of busy servers: the same correlated-proportion bound.
        const utilizationTolerance = (5 * Math.sqrt((rho * (1 - rho)) / n) * Math.SQRT2) / (1 - rho);
        expect(Math.abs(result.components.q!.utilization - rho)).toBeLessThanOrEqual(utilizationTolerance);
      });
    }
  }
});
