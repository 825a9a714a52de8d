// M/G/1-PS: the mean response time is E[S]/(1 − ρ) whatever the service distribution (insensitivity).
import type { Distribution } from "@syslab/sim-core";
import { describe, expect, test } from "vitest";
import { erlangC } from "../support/erlang-c";
import { runChecked } from "../support/run-checked";
import { openStation } from "../support/scenarios";
import { expectWithinCi } from "../support/tolerance";

describe("processor sharing", () => {
  const services: [string, Distribution][] = [
    ["exponential", { kind: "exp", mean: 1 }],
    ["deterministic", { kind: "constant", value: 1 }],
    ["hyperexponential (scv 9)", { kind: "hyperexp", mean: 1, scv: 9 }],
  ];
  for (const [label, service] of services) {
    test(`M/G/1-PS with ${label} service: W = E[S]/(1 − ρ)`, () => {
      const rho = 0.8;
      const result = runChecked(
        openStation({ rate: rho, service, station: { discipline: "ps" }, requests: 400_000, seed: 31 }),
      );
      expectWithinCi(result.latency.mean, 1 / (1 - rho), result, 1, "W");
      expect(result.wait.mean).toBe(0);
    });
  }

  test("a job's response time under PS grows with its own size (E[T | S = s] = s/(1 − ρ))", () => {
    // Two classes with fixed sizes 0.5 and 2; under PS each gets response size/(1 − ρ).
    const rho = 0.6;
    const lambda = rho / 1.25; // mean size (0.5 + 2)/2
    const result = runChecked(
      openStation({
        rate: lambda,
        classes: [
          {
            name: "small",
            weight: 1,
            priority: 0,
            steps: [{ kind: "service", duration: { kind: "constant", value: 0.5 } }],
          },
          {
            name: "large",
            weight: 1,
            priority: 0,
            steps: [{ kind: "service", duration: { kind: "constant", value: 2 } }],
          },
        ],
        station: { discipline: "ps" },
        requests: 300_000,
        seed: 32,
      }),
    );
    const small = result.requests.byClass.small!.latencyMean;
    const large = result.requests.byClass.large!.latencyMean;
    expect(Math.abs(small - 0.5 / (1 - rho))).toBeLessThan(0.05 * (0.5 / (1 - rho)));
    expect(Math.abs(large - 2 / (1 - rho))).toBeLessThan(0.05 * (2 / (1 - rho)));
  });

  test("M/M/c-PS has the same mean response as M/M/c FCFS (c = 4)", () => {
    const c = 4;
    const lambda = 0.85 * c;
    const result = runChecked(
      openStation({
        rate: lambda,
        service: { kind: "exp", mean: 1 },
        station: { servers: c, discipline: "ps" },
        requests: 400_000,
        seed: 33,
      }),
    );
    expectWithinCi(result.latency.mean, erlangC(c, lambda, 1).w, result, 1, "W");
  });
});
