/**
 * Tolerances derived from the run itself. The result's 95% batch-means interval has
 * half-width h ≈ 1.96·σ̂ where σ̂ is the standard error of the mean latency. Allowing
 * |simulated − theory| ≤ 2.5·h (≈ 4.9 standard errors) keeps the chance of a false failure
 * below 1e-5 per check when batches are independent; the factor also absorbs the mild
 * under-estimate of σ̂ that batch means show with strongly correlated waits (ρ ≥ 0.9).
 * Quantities that move with the mean latency (Wq = W − E[S], L = λW) get the same
 * standard error, scaled where they are a multiple of W.
 */
import type { Result } from "@syslab/sim-core";
import { expect } from "vitest";

export const SAFETY = 2.5;

/** Half-width of the result's 95% interval for the mean latency. */
export function halfWidth(result: Result): number {
  return (result.latency.meanCi95.high - result.latency.meanCi95.low) / 2;
}

/** Asserts |actual − expected| ≤ SAFETY × the run's half-width × scale (scale = ∂quantity/∂W). */
export function expectWithinCi(
  actual: number,
  expected: number,
  result: Result,
  scale = 1,
  label = "",
): void {
  const tolerance = SAFETY * halfWidth(result) * scale;
  expect(result.latency.meanCi95.batches, "enough batches for an interval").toBeGreaterThanOrEqual(30);
  expect(
    Math.abs(actual - expected),
    `${label}: ${actual} vs theory ${expected} (tolerance ${tolerance})`,
  ).toBeLessThanOrEqual(tolerance);
}

/** A proportion estimated from n independent-ish trials: |p̂ − p| ≤ 5·√(p(1−p)/n)·inflation. */
export function expectProportion(
  actual: number,
  expected: number,
  n: number,
  inflation = 3,
  label = "",
): void {
  const tolerance = 5 * Math.sqrt((expected * (1 - expected)) / n) * inflation;
  expect(
    Math.abs(actual - expected),
    `${label}: ${actual} vs theory ${expected} (tolerance ${tolerance})`,
  ).toBeLessThanOrEqual(tolerance);
}
