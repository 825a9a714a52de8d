// A Poisson rate shaped by a daily curve and flash crowds (thinning): counts per window match the
// integral of the rate, and a flat shape gives plain Poisson's arrivals exactly.
import type { Arrival, Diurnal, FlashCrowd, Scenario } from "@syslab/sim-core";
import { runScenario } from "@syslab/sim-core";
import { describe, expect, test } from "vitest";
import { Simulation } from "../../../packages/sim-core/src/kernel/simulation";
import { randomStream } from "../../../packages/sim-core/src/random/streams";
import type { RateArrival } from "../../../packages/sim-core/src/scenario/model";
import { OpenArrivals } from "../../../packages/sim-core/src/workload/open-arrivals";
import { exp, serviceClass, station } from "../support/scenarios";

/** The arrival times a process gives over [0, until) for `seed`. */
function arrivalTimes(arrival: RateArrival, until: number, seed = 5): number[] {
  const sim = new Simulation();
  const times: number[] = [];
  const sink = { inject: () => times.push(sim.now) };
  new OpenArrivals(sim, randomStream(seed, "arrivals"), sink, arrival).start();
  sim.run(until);
  return times.filter((t) => t < until);
}

// The rates as the docs define them, written out here independently of the engine.
const diurnalRate = (base: number, d: Diurnal) => (t: number) =>
  base * (1 + ((d.peakFactor - 1) * (1 + Math.cos((2 * Math.PI * (t - d.peakAt)) / d.period))) / 2);
const crowdFactor = (c: FlashCrowd) => (t: number) => {
  if (t < c.at || t >= c.at + c.for) return 1;
  const level = c.ramp === 0 ? 1 : Math.min(1, (t - c.at) / c.ramp, (c.at + c.for - t) / c.ramp);
  return 1 + (c.factor - 1) * level;
};

/** ∫ rate over [a, b] by Simpson's rule on 2000 panels: the expected count of a Poisson window. */
function integral(rate: (t: number) => number, a: number, b: number): number {
  const n = 2000;
  const h = (b - a) / n;
  let sum = rate(a) + rate(b);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * rate(a + i * h);
  return (sum * h) / 3;
}

/** Each window's count lies within 4.5 standard deviations (√mean) of the rate's integral over it. */
function expectWindowsMatch(times: number[], rate: (t: number) => number, edges: number[]): void {
  for (let i = 0; i + 1 < edges.length; i++) {
    const [a, b] = [edges[i]!, edges[i + 1]!];
    const count = times.filter((t) => t >= a && t < b).length;
    const mean = integral(rate, a, b);
    expect(
      Math.abs(count - mean),
      `window [${a}, ${b}): ${count} arrivals, ${mean.toFixed(1)} expected`,
    ).toBeLessThanOrEqual(4.5 * Math.sqrt(mean));
  }
}

const range = (from: number, to: number, step: number) =>
  Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => from + i * step);

describe("a diurnal rate", () => {
  const diurnal: Diurnal = { period: 100, peakFactor: 3, peakAt: 30 };

  test("gives each 5 s window of ten periods the integral of rate × (1 + (peak − 1)(1 + cos)/2) arrivals", () => {
    const times = arrivalTimes({ process: "poisson", rate: 40, diurnal }, 1000);
    expectWindowsMatch(times, diurnalRate(40, diurnal), range(0, 1000, 5));
    // Over whole periods the mean rate is rate × (1 + peakFactor)/2 = 80: 80,000 arrivals.
    expect(Math.abs(times.length - 80_000)).toBeLessThanOrEqual(4 * Math.sqrt(80_000));
  });

  test("peaks at peakAt and bottoms out half a period later", () => {
    const times = arrivalTimes({ process: "poisson", rate: 40, diurnal }, 1000);
    const near = (centre: number) =>
      times.filter((t) => Math.abs(((t - centre + 1050) % 100) - 50) < 2).length;
    // ±2 s around the peak over ten periods: about 40 × 3 × 4 × 10 = 4800; around the trough about 1600.
    expect(Math.abs(near(30) - 4800)).toBeLessThan(5 * Math.sqrt(4800));
    expect(Math.abs(near(80) - 1600)).toBeLessThan(5 * Math.sqrt(1600));
  });

  test("on a piecewise rate multiplies each segment's rate", () => {
    const arrival: Arrival = {
      process: "poisson",
      rate: [
        { from: 0, rate: 20 },
        { from: 250, rate: 60 },
      ],
      diurnal,
    };
    const shape = diurnalRate(1, diurnal);
    const rate = (t: number) => (t < 250 ? 20 : 60) * shape(t);
    expectWindowsMatch(arrivalTimes(arrival as RateArrival, 500), rate, range(0, 500, 10));
  });

  test("with peakFactor 1 gives exactly plain Poisson's arrivals for the same seed", () => {
    const flat = arrivalTimes(
      { process: "poisson", rate: 70, diurnal: { period: 86_400, peakFactor: 1, peakAt: 0 } },
      200,
    );
    const plain = arrivalTimes({ process: "poisson", rate: 70 }, 200);
    expect(flat.length).toBeGreaterThan(13_000);
    expect(flat).toEqual(plain);
  });

  test("with peakFactor 1 leaves a whole run's result as plain Poisson's", () => {
    const scenario = (arrival: Arrival): Scenario => ({
      version: 1,
      seed: 9,
      run: {
        length: { kind: "requests", count: 20_000 },
        warmup: { kind: "requests", count: 1000 },
        limits: {},
      },
      workload: { arrival, requests: [serviceClass(exp(0.01))] },
      entry: "q",
      components: { q: station() },
    });
    const plain = runScenario(scenario({ process: "poisson", rate: 80 }));
    const flat = runScenario(
      scenario({ process: "poisson", rate: 80, diurnal: { period: 3600, peakFactor: 1, peakAt: 600 } }),
    );
    expect({ ...flat, scenarioHash: "" }).toEqual({ ...plain, scenarioHash: "" });
  });
});

describe("flash crowds", () => {
  const crowd: FlashCrowd = { at: 100, for: 60, factor: 6, ramp: 15 };

  test("multiply the rate over their window, ramps included, and leave it alone outside", () => {
    const times = arrivalTimes({ process: "poisson", rate: 50, flashCrowds: [crowd] }, 300);
    const rate = (t: number) => 50 * crowdFactor(crowd)(t);
    expectWindowsMatch(times, rate, [0, 100, 105, 110, 115, 130, 145, 150, 155, 160, 200, 300]);
    // The whole crowd brings 50 × (6 − 1) × (60 − 15) = 11,250 extra arrivals.
    const during = times.filter((t) => t >= 100 && t < 160).length;
    expect(Math.abs(during - (3000 + 11_250))).toBeLessThanOrEqual(4 * Math.sqrt(14_250));
  });

  test("overlapping crowds multiply, and combine with a diurnal curve", () => {
    const second: FlashCrowd = { at: 140, for: 40, factor: 2, ramp: 0 };
    const diurnal: Diurnal = { period: 200, peakFactor: 2, peakAt: 50 };
    const times = arrivalTimes({ process: "poisson", rate: 30, diurnal, flashCrowds: [crowd, second] }, 400);
    const rate = (t: number) => diurnalRate(30, diurnal)(t) * crowdFactor(crowd)(t) * crowdFactor(second)(t);
    expectWindowsMatch(times, rate, range(0, 400, 10));
  });
});
