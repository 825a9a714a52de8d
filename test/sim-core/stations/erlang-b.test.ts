// M/M/c/c (no waiting room): the share of arrivals turned away is Erlang B, for any service distribution.
import { describe, expect, test } from "vitest";
import { erlangB } from "../support/erlang-b";
import { runChecked } from "../support/run-checked";
import { constant, exp, openStation } from "../support/scenarios";

describe("M/M/c/c blocking against Erlang B", () => {
  for (const [c, load] of [
    [1, 0.5],
    [5, 4],
    [20, 18],
  ] as const) {
    test(`c = ${c}, offered load ${load}`, () => {
      const result = runChecked(
        openStation({
          rate: load,
          service: exp(1),
          station: { servers: c, capacity: c },
          requests: 300_000,
          seed: 3,
        }),
      );
      const blocked = result.requests.failed.rejected / result.requests.arrived;
      const theory = erlangB(c, load);
      // Blocking events are positively correlated over about one service time; binomial error × 3, at 5σ.
      const tolerance = 5 * 3 * Math.sqrt((theory * (1 - theory)) / result.requests.arrived);
      expect(Math.abs(blocked - theory), `${blocked} vs ${theory}`).toBeLessThanOrEqual(tolerance);
      // The station counts every rejection in the measured window, the request counters only the
      // N measured requests (the window also sees a few later arrivals while the last ones finish).
      expect(result.components.q!.rejected / result.requests.failed.rejected).toBeCloseTo(1, 2);
      expect(result.wait.mean).toBe(0);
    });
  }

  test("Erlang B is insensitive to the service distribution (M/D/c/c)", () => {
    const result = runChecked(
      openStation({
        rate: 4,
        service: constant(1),
        station: { servers: 5, capacity: 5 },
        requests: 300_000,
        seed: 4,
      }),
    );
    const theory = erlangB(5, 4);
    const blocked = result.requests.failed.rejected / result.requests.arrived;
    expect(Math.abs(blocked - theory)).toBeLessThanOrEqual(
      15 * Math.sqrt((theory * (1 - theory)) / result.requests.arrived),
    );
  });
});
