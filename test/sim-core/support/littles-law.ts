/**
 * Little's law, L = λW, checked on every run the tests make: the time-average number in the
 * system against the throughput times the mean latency. Both sides are computed from the same
 * sample path, so they agree closely; what separates them is only the requests in flight at
 * the window's edges (about L requests out of `completed`), so the relative tolerance is a few
 * times L/completed plus rounding.
 */
import type { Result } from "@syslab/sim-core";
import { expect } from "vitest";

export function expectLittlesLaw(result: Result): void {
  const l = result.inSystem.mean;
  const lambdaW = result.throughput * result.latency.mean;
  const edge = (5 * (result.inSystem.max + 1)) / Math.max(1, result.requests.completed);
  const tolerance = Math.max(1e-6, (edge + 1e-6) * Math.max(l, lambdaW));
  expect(Math.abs(l - lambdaW), `Little's law: L = ${l}, λW = ${lambdaW}`).toBeLessThanOrEqual(tolerance);
}
