// M/M/c against Erlang C, for c ∈ {1, 2, 8, 32} and ρ ∈ {0.5, 0.9, 0.95}.
import { describe, expect, test } from "vitest";
import { erlangC } from "../support/erlang-c";
import { runChecked } from "../support/run-checked";
import { exp, openStation } from "../support/scenarios";
import { expectWithinCi } from "../support/tolerance";

/**
 * Run lengths: the relative standard error of mean latency in M/M/1 after n customers is about
 * √(2(1+ρ)/n)/(1−ρ) (the asymptotic variance of the queue length, Whitt 1989); with more servers
 * waits are shorter and the error smaller. 1.5M customers keep ρ = 0.95, c = 1 near ±6%, with
 * the CI-derived tolerance doing the rest; lighter loads need far fewer.
 */
const REQUESTS: Record<number, number> = { 0.5: 100_000, 0.9: 500_000, 0.95: 1_500_000 };

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
        // P(wait): its relative error tracks Wq's (Wq = P(wait)/(cμ − λ)) plus the service-time noise.
        const pWaitTolerance = Math.max(
          0.01,
          ((3 * (result.latency.meanCi95.high - result.latency.meanCi95.low)) / 2) * (c * mu - lambda),
        );
        expect(Math.abs(result.wait.probability - theory.pWait)).toBeLessThanOrEqual(pWaitTolerance);
        expect(Math.abs(result.components.q!.utilization - rho)).toBeLessThanOrEqual(0.02);
      });
    }
  }
});
