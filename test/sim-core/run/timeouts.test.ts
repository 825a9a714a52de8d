// Timeouts: a request whose class timeout expires is counted in failed.timeout; its queued work stays.

import { runScenario } from "@syslab/sim-core";
import { describe, expect, test } from "vitest";
import { runChecked } from "../support/run-checked";
import { constant, exp, openStation } from "../support/scenarios";

describe("timeouts", () => {
  test("in an overloaded queue most requests time out, and completions all beat the timeout", () => {
    const result = runScenario(
      openStation({
        rate: 2,
        classes: [
          { name: "job", weight: 1, priority: 0, timeout: 3, steps: [{ kind: "service", duration: exp(1) }] },
        ],
        requests: 20_000,
      }),
    );
    expect(result.requests.failed.timeout).toBeGreaterThan(15_000);
    expect(result.requests.completed + result.requests.failed.timeout).toBe(result.requests.arrived);
    expect(result.latency.max).toBeLessThanOrEqual(3);
    // Timed-out work is not withdrawn: the server stays busy.
    expect(result.components.q!.utilization).toBeGreaterThan(0.99);
  });

  test("with M/D/1 and a timeout above every response, nothing times out", () => {
    const result = runChecked(
      openStation({
        rate: 0.1,
        classes: [
          {
            name: "job",
            weight: 1,
            priority: 0,
            timeout: 100,
            steps: [{ kind: "service", duration: constant(1) }],
          },
        ],
        requests: 10_000,
      }),
    );
    expect(result.requests.failed.timeout).toBe(0);
    expect(result.requests.completed).toBe(10_000);
  });

  test("the share timed out in M/M/1 matches P(W > t) = e^{−(μ−λ)t}", () => {
    const t = 4;
    const result = runScenario(
      openStation({
        rate: 0.5,
        classes: [
          { name: "job", weight: 1, priority: 0, timeout: t, steps: [{ kind: "service", duration: exp(1) }] },
        ],
        requests: 200_000,
      }),
    );
    // Timed-out requests still occupy the server, so the queue behaves as plain M/M/1; a client times
    // out exactly when its response would exceed t.
    const share = result.requests.failed.timeout / result.requests.arrived;
    expect(Math.abs(share - Math.exp(-0.5 * t))).toBeLessThan(0.01);
  });
});
