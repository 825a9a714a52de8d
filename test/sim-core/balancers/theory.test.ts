// Balancing against queueing theory, over N identical exponential servers at load ρ = 0.9:
// random gives each an M/M/1 queue; round robin gives each Erlang-N interarrivals (E_N/M/1, solved
// by the GI/M/1 root σ); power of two choices approaches Mitzenmacher's supermarket fixed point.
// Each tolerance is the run's own batch-means 95% half-width, doubled (about 4 standard errors).
// The scenarios are the examples in examples/balancing, whose descriptions state these figures.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { Result } from "../../../packages/sim-core/src/result/model";
import { simulate } from "../../../packages/sim-core/src/run/simulate";

const RHO = 0.9;

function balanced(
  algorithm: string,
  n: number,
  duration: number,
  extra: Record<string, unknown> = {},
): Result {
  const backends = Array.from({ length: n }, (_, i) => `s${i}`);
  return simulate({
    version: 1,
    seed: 11,
    run: { duration: `${duration}s`, warmup: "500s" },
    workload: {
      arrival: { process: "poisson", rate: RHO * n },
      requests: [{ name: "job", steps: [{ service: { exp: "1s" } }] }],
    },
    entry: "lb",
    components: {
      lb: { type: "balancer", algorithm, backends, ...extra },
      ...Object.fromEntries(backends.map((name) => [name, { type: "station" }])),
    },
  });
}

function example(file: string): Result {
  return simulate(JSON.parse(readFileSync(join(__dirname, "../../../examples/balancing", file), "utf8")));
}

function expectMeanNear(result: Result, theory: number): void {
  const halfWidth = (result.latency.meanCi95.high - result.latency.meanCi95.low) / 2;
  expect(halfWidth).toBeLessThan(0.05 * theory); // the run is long enough to tell
  expect(Math.abs(result.latency.mean - theory)).toBeLessThan(2 * halfWidth);
}

/** The GI/M/1 root: σ = A*(μ(1 − σ)) for Erlang-k interarrivals of rate λ, by fixed-point iteration. */
function erlangGiM1Sigma(k: number, lambda: number, mu: number): number {
  let sigma = 0.5;
  for (let i = 0; i < 10000; i++) sigma = ((k * lambda) / (k * lambda + mu * (1 - sigma))) ** k;
  return sigma;
}

describe("over 10 identical M/M/1 backends at ρ = 0.9", () => {
  test("random assignment gives each the M/M/1 figures: W = 1/(μ − λ) = 10 s, utilisation 0.9", () => {
    const result = example("random-mm1.json");
    expectMeanNear(result, 1 / (1 - RHO));
    for (let i = 0; i < 10; i++) {
      const station = result.components[`s${i}`] as { utilization: number };
      expect(Math.abs(station.utilization - RHO)).toBeLessThan(0.02);
    }
  });

  test("round robin gives each Erlang-10 interarrivals: W = 1/(μ(1 − σ)) ≈ 5.66 s", () => {
    const sigma = erlangGiM1Sigma(10, RHO, 1);
    expect(sigma).toBeGreaterThan(0.8);
    expect(sigma).toBeLessThan(0.83);
    expectMeanNear(example("round-robin-erlang.json"), 1 / (1 - sigma));
  });
});

test("power of two choices over 100 backends approaches the supermarket fixed point, 2.61 s at λ = 0.9", () => {
  // Mitzenmacher (2001): mean time in system Σ_{i≥1} λ^((d^i − d)/(d − 1)) as N → ∞; at N = 100 the
  // finite-N excess is well under the tolerance.
  const d = 2;
  let theory = 0;
  for (let i = 1; i < 40; i++) theory += RHO ** ((d ** i - d) / (d - 1));
  expect(theory).toBeCloseTo(2.61, 2);
  const result = example("power-of-two.json");
  expectMeanNear(result, theory);
  expect(result.latency.mean).toBeLessThan(0.3 / (1 - RHO)); // vs 10 s for random
});

test("three choices do better still: the fixed point for d = 3", () => {
  const d = 3;
  let theory = 0;
  for (let i = 1; i < 30; i++) theory += RHO ** ((d ** i - d) / (d - 1));
  expectMeanNear(balanced("power-of-two", 100, 3000, { choices: 3 }), theory);
});
