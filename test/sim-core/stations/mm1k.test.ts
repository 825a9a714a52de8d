// M/M/1/K: a station of capacity K rejects an arrival that finds K requests inside (PASTA: with probability P(K)).
import { describe, expect, test } from "vitest";
import { mm1kBlocking } from "../support/mm1k";
import { runChecked } from "../support/run-checked";
import { exp, openStation } from "../support/scenarios";

describe("M/M/1/K blocking", () => {
  for (const [rho, k] of [
    [0.8, 5],
    [1.2, 10],
    [0.5, 2],
  ] as const) {
    test(`ρ = ${rho}, K = ${k}`, () => {
      const result = runChecked(
        openStation({ rate: rho, service: exp(1), station: { capacity: k }, requests: 300_000, seed: 5 }),
      );
      const blocked = result.requests.failed.rejected / result.requests.arrived;
      const theory = mm1kBlocking(rho, k);
      const tolerance = 5 * 3 * Math.sqrt((theory * (1 - theory)) / result.requests.arrived);
      expect(Math.abs(blocked - theory), `${blocked} vs ${theory}`).toBeLessThanOrEqual(tolerance);
      expect(result.components.q!.inSystem.max).toBeLessThanOrEqual(k);
    });
  }
});
