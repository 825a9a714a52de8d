// The hockey stick's theory line (apps/docs/src/widgets/erlang-c.ts) against the tests' own queueing
// oracles: Erlang C for M/M/c, Pollaczek–Khinchine for M/G/1, and no finite figure at saturation.
import { describe, expect, it } from "vitest";
import { erlangC, meanResponse } from "../../../apps/docs/src/widgets/erlang-c";
import { erlangC as mmcTheory } from "../../sim-core/support/erlang-c";
import { pollaczekKhinchineWait } from "../../sim-core/support/pollaczek-khinchine";

const SERVERS = [1, 2, 4, 16];
const LOADS = [0.3, 0.8, 0.95];

describe("the hockey stick's queueing theory", () => {
  it("gives Erlang C's chance of waiting and mean time in system for M/M/c", () => {
    const meanService = 0.01;
    for (const c of SERVERS) {
      for (const rho of LOADS) {
        const rate = (rho * c) / meanService;
        const theory = mmcTheory(c, rate, 1 / meanService);
        expect(erlangC(c, rate * meanService), `P(wait), c = ${c}, ρ = ${rho}`).toBeCloseTo(theory.pWait, 12);
        expect(meanResponse(c, rate, meanService), `W, c = ${c}, ρ = ${rho}`).toBeCloseTo(theory.w, 12);
      }
    }
  });

  it("gives Pollaczek–Khinchine's mean time in system for M/G/1 of any variability", () => {
    for (const scv of [0, 0.5, 4]) {
      for (const rho of LOADS) {
        const expected = 0.01 + pollaczekKhinchineWait(rho / 0.01, 0.01, scv);
        expect(meanResponse(1, rho / 0.01, 0.01, scv), `scv = ${scv}, ρ = ${rho}`).toBeCloseTo(expected, 12);
      }
    }
  });

  it("has no finite mean at or past saturation", () => {
    expect(meanResponse(2, 200, 0.01)).toBe(Number.POSITIVE_INFINITY);
    expect(meanResponse(2, 250, 0.01)).toBe(Number.POSITIVE_INFINITY);
  });
});
