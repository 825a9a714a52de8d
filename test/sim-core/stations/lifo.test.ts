// LIFO (non-preemptive) in M/M/1: the same mean response as FCFS (work-conserving, size-blind), but a larger variance.
import { describe, expect, test } from "vitest";
import { runChecked } from "../support/run-checked";
import { exp, openStation } from "../support/scenarios";
import { expectWithinCi } from "../support/tolerance";

describe("LIFO", () => {
  test("M/M/1 LIFO: mean response 1/(μ − λ), larger spread and tail than FCFS", () => {
    const rho = 0.8;
    const lifo = runChecked(
      openStation({
        rate: rho,
        service: exp(1),
        station: { discipline: "lifo" },
        requests: 400_000,
        seed: 41,
      }),
    );
    const fcfs = runChecked(
      openStation({
        rate: rho,
        service: exp(1),
        station: { discipline: "fcfs" },
        requests: 400_000,
        seed: 41,
      }),
    );
    expectWithinCi(lifo.latency.mean, 1 / (1 - rho), lifo, 1, "LIFO W");
    // FCFS M/M/1 response is exponential (sd = mean = 5); LIFO's sd is far larger (its wait is a busy period).
    expect(lifo.latency.sd).toBeGreaterThan(1.5 * fcfs.latency.sd);
    expect(lifo.latency.p999).toBeGreaterThan(fcfs.latency.p999);
    // The median shows the other side: most LIFO requests are served soon.
    expect(lifo.latency.p50).toBeLessThan(fcfs.latency.p50);
  });
});
