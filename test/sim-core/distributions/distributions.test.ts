// Every distribution: sample mean and variance against the exact values, and the sampler's own `mean`.
import type { Distribution } from "@syslab/sim-core";
import { describe, expect, test } from "vitest";
import { compile } from "../../../packages/sim-core/src/distributions/compile";
import { randomStream } from "../../../packages/sim-core/src/random/streams";

const N = 200_000;

// Truncated normal N(1, 1) at 0: α = −1, λ = φ(α)/(1 − Φ(α)) = 0.2419707/0.8413447 = 0.2875999.
const truncLambda = 0.24197072451914337 / 0.8413447460685429;

const cases: { label: string; d: Distribution; mean: number; variance: number }[] = [
  { label: "constant", d: { kind: "constant", value: 0.005 }, mean: 0.005, variance: 0 },
  { label: "exp", d: { kind: "exp", mean: 2 }, mean: 2, variance: 4 },
  { label: "uniform", d: { kind: "uniform", min: 1, max: 5 }, mean: 3, variance: 16 / 12 },
  // Far from 0 the truncation barely shows: mean 10 + 2·φ(5)/Φ(5) = 10 + 2.97e-6.
  {
    label: "normal (far from 0)",
    d: { kind: "normal", mean: 10, sd: 2 },
    mean: 10 + (2 * 1.4867195147342977e-6) / 0.9999997133484281,
    variance: 4,
  },
  {
    label: "normal truncated at 0",
    d: { kind: "normal", mean: 1, sd: 1 },
    mean: 1 + truncLambda,
    variance: 1 * (1 + -1 * truncLambda - truncLambda ** 2),
  },
  {
    label: "lognormal",
    d: { kind: "lognormal", mu: 0, sigma: 0.5 },
    mean: Math.exp(0.125),
    variance: (Math.exp(0.25) - 1) * Math.exp(0.25),
  },
  { label: "erlang", d: { kind: "erlang", k: 3, mean: 6 }, mean: 6, variance: 3 * 2 ** 2 },
  { label: "hyperexp", d: { kind: "hyperexp", mean: 1, scv: 4 }, mean: 1, variance: 4 },
  { label: "pareto", d: { kind: "pareto", scale: 1, shape: 5 }, mean: 1.25, variance: 5 / (16 * 3) },
  { label: "empirical", d: { kind: "empirical", values: [1, 2, 9] }, mean: 4, variance: 38 / 3 },
];

describe("distributions", () => {
  for (const { label, d, mean, variance } of cases) {
    test(`${label}: mean ${mean.toPrecision(4)}, variance ${variance.toPrecision(4)}`, () => {
      const sampler = compile(d);
      expect(sampler.mean).toBeCloseTo(mean, 6);
      const rng = randomStream(3, label);
      let sum = 0;
      let squares = 0;
      let min = Number.POSITIVE_INFINITY;
      for (let i = 0; i < N; i++) {
        const x = sampler.sample(rng);
        if (x < min) min = x;
        sum += x;
        squares += x * x;
      }
      expect(min).toBeGreaterThanOrEqual(0);
      const sampleMean = sum / N;
      const sampleVariance = squares / N - sampleMean * sampleMean;
      // The sample mean is within 5 standard errors; the variance within 5% (+ a hair for exact zeros).
      expect(Math.abs(sampleMean - mean)).toBeLessThanOrEqual(5 * Math.sqrt(variance / N) + 1e-12);
      expect(Math.abs(sampleVariance - variance)).toBeLessThanOrEqual(0.05 * variance + 1e-12);
    });
  }

  test("a Pareto with shape ≤ 1 has an infinite mean", () => {
    expect(compile({ kind: "pareto", scale: 1, shape: 1 }).mean).toBe(Number.POSITIVE_INFINITY);
  });

  test("the empirical distribution picks each value about equally often", () => {
    const sampler = compile({ kind: "empirical", values: [1, 2, 3, 4] });
    const rng = randomStream(4, "e");
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[sampler.sample(rng) - 1]!++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(5 * Math.sqrt(10_000 * 0.75));
  });
});
