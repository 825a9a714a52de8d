// M/D/1 and M/G/1 (lognormal, Erlang, hyperexponential service) against Pollaczek–Khinchine.
import type { Distribution } from "@syslab/sim-core";
import { describe, test } from "vitest";
import { pollaczekKhinchineWait } from "../support/pollaczek-khinchine";
import { runChecked } from "../support/run-checked";
import { openStation } from "../support/scenarios";
import { expectWithinCi } from "../support/tolerance";

// Lognormal with mean 1 and scv 1.5: σ² = ln(1 + scv), μ = −σ²/2.
const sigma2 = Math.log(2.5);
const cases: { label: string; service: Distribution; scv: number }[] = [
  { label: "M/D/1", service: { kind: "constant", value: 1 }, scv: 0 },
  {
    label: "M/G/1 lognormal",
    service: { kind: "lognormal", mu: -sigma2 / 2, sigma: Math.sqrt(sigma2) },
    scv: 1.5,
  },
  { label: "M/E3/1", service: { kind: "erlang", k: 3, mean: 1 }, scv: 1 / 3 },
  { label: "M/H2/1", service: { kind: "hyperexp", mean: 1, scv: 4 }, scv: 4 },
];

describe("M/G/1 against Pollaczek–Khinchine", () => {
  for (const { label, service, scv } of cases) {
    test(`${label} at ρ = 0.7`, () => {
      const lambda = 0.7;
      const result = runChecked(openStation({ rate: lambda, service, requests: 500_000, seed: 21 }));
      const wq = pollaczekKhinchineWait(lambda, 1, scv);
      expectWithinCi(result.wait.mean, wq, result, 1, "Wq");
      expectWithinCi(result.latency.mean, wq + 1, result, 1, "W");
    });
  }
});
