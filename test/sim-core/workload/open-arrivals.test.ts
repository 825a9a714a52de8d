// Open arrival processes: the rate each produces, piecewise rates by segment, and on/off bursts.
import type { Arrival, Scenario } from "@syslab/sim-core";
import { describe, expect, test } from "vitest";
import { runChecked } from "../support/run-checked";
import { constant, exp, serviceClass, station } from "../support/scenarios";

function timed(arrival: Arrival, duration: number, service = constant(0.001)): Scenario {
  return {
    version: 1,
    seed: 71,
    run: { length: { kind: "time", duration }, warmup: { kind: "time", duration: 0 }, limits: {} },
    workload: { arrival, requests: [serviceClass(service)] },
    entry: "q",
    components: { q: station({ servers: 1000 }) },
  };
}

describe("open arrivals", () => {
  test("poisson: arrivals over T have mean λT (±5√(λT))", () => {
    const result = runChecked(timed({ process: "poisson", rate: 200 }, 500));
    expect(Math.abs(result.requests.arrived - 100_000)).toBeLessThanOrEqual(5 * Math.sqrt(100_000));
  });

  test("poisson: inter-arrival gaps are exponential (a single server sees M/M/1 behaviour: P(wait) = ρ)", () => {
    const result = runChecked({
      ...timed({ process: "poisson", rate: 0.5 }, 200_000, exp(1)),
      components: { q: station() },
    });
    expect(Math.abs(result.wait.probability - 0.5)).toBeLessThan(0.02);
  });

  test("constant: exactly evenly spaced, so a server faster than the gap never queues", () => {
    const result = runChecked(timed({ process: "constant", rate: 100 }, 100, constant(0.0099)));
    // 10,000 gaps of 0.01 s; the last may land a rounding error past the window's end.
    expect(Math.abs(result.requests.arrived - 10_000)).toBeLessThanOrEqual(1);
    expect(result.wait.mean).toBe(0);
    expect(result.latency.max).toBeCloseTo(0.0099, 9);
  });

  test("piecewise rate: each segment gets its own rate", () => {
    const arrival: Arrival = {
      process: "poisson",
      rate: [
        { from: 0, rate: 100 },
        { from: 100, rate: 0 },
        { from: 200, rate: 400 },
      ],
    };
    const result = runChecked(timed(arrival, 300));
    const expected = 100 * 100 + 0 + 400 * 100;
    expect(Math.abs(result.requests.arrived - expected)).toBeLessThanOrEqual(5 * Math.sqrt(expected));
    // The series shows the silent middle third: no completions between 100 s and 200 s.
    const { time, throughput } = result.series;
    const middle = time.map((t, i) =>
      t >= 101 && t + result.series.bucketWidth <= 199 ? throughput[i]! : 0,
    );
    expect(Math.max(...middle)).toBe(0);
    const late = throughput.filter((_, i) => time[i]! >= 210 && time[i]! + result.series.bucketWidth <= 300);
    const lateMean = late.reduce((a, b) => a + b, 0) / late.length;
    expect(Math.abs(lateMean - 400)).toBeLessThan(40);
  });

  test("piecewise constant rate switches spacing at the boundary", () => {
    const result = runChecked(
      timed(
        {
          process: "constant",
          rate: [
            { from: 0, rate: 10 },
            { from: 50, rate: 20 },
          ],
        },
        100,
      ),
    );
    expect(Math.abs(result.requests.arrived - (500 + 1000))).toBeLessThanOrEqual(2);
  });

  test("on/off: the long-run rate is rate × on/(on + off)", () => {
    const result = runChecked(timed({ process: "onoff", rate: 300, on: exp(1), off: exp(3) }, 4000));
    const expected = 300 * 0.25 * 4000;
    // Counts over on/off cycles vary more than Poisson: about √(2·rate²·E[on]·… ) — bound by 5% of the mean.
    expect(Math.abs(result.requests.arrived - expected) / expected).toBeLessThan(0.05);
  });
});
