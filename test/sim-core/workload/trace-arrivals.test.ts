// Arrivals replayed from a trace: the exact listed times, with the class and key each entry gives.
import type { Scenario } from "@syslab/sim-core";
import { runScenario } from "@syslab/sim-core";
import { describe, expect, test } from "vitest";
import { Simulation } from "../../../packages/sim-core/src/kernel/simulation";
import type { TracedArrival } from "../../../packages/sim-core/src/scenario/model";
import { TraceArrivals } from "../../../packages/sim-core/src/workload/trace-arrivals";
import { constant, serviceClass, station } from "../support/scenarios";

function replay(arrivals: TracedArrival[], classes: string[]): [number, number, number][] {
  const sim = new Simulation();
  const seen: [number, number, number][] = [];
  const sink = { inject: (_user: number, cls = -1, key = -1) => seen.push([sim.now, cls, key]) };
  new TraceArrivals(sim, sink, arrivals, classes).start();
  sim.run();
  return seen;
}

describe("trace arrivals", () => {
  test("replay their exact timestamps, ties included, and nothing after the last", () => {
    const times = [0, 0.0005, 0.25, 0.25, 1.125, 3, 7.000001];
    const seen = replay(
      times.map((at) => ({ at })),
      ["a"],
    );
    expect(seen.map(([t]) => t)).toEqual(times);
    expect(seen.every(([, cls, key]) => cls === -1 && key === -1)).toBe(true);
  });

  test("pass on each entry's class (by index) and key", () => {
    const seen = replay(
      [{ at: 1, class: "b", key: 42 }, { at: 2 }, { at: 3, class: "a" }, { at: 4, key: 0 }],
      ["a", "b"],
    );
    expect(seen).toEqual([
      [1, 1, 42],
      [2, -1, -1],
      [3, 0, -1],
      [4, -1, 0],
    ]);
  });

  test("in a run: every listed arrival inside the measured time arrives, each in its given class", () => {
    const arrivals: TracedArrival[] = Array.from({ length: 300 }, (_, i) => ({
      at: i * 0.1 + (i % 7) * 0.003,
      ...(i % 3 === 0 ? { class: "rare" } : {}),
    }));
    const scenario: Scenario = {
      version: 1,
      seed: 3,
      run: { length: { kind: "time", duration: 20 }, warmup: { kind: "time", duration: 0 }, limits: {} },
      workload: {
        arrival: { process: "trace", arrivals },
        requests: [
          serviceClass(constant(0.01), { name: "common" }),
          serviceClass(constant(0.01), { name: "rare", weight: 0 }),
        ],
      },
      entry: "q",
      components: { q: station({ servers: 10 }) },
    };
    const result = runScenario(scenario);
    const inside = arrivals.filter((a) => a.at < 20);
    expect(result.requests.arrived).toBe(inside.length);
    expect(result.requests.byClass.rare!.arrived).toBe(inside.filter((a) => a.class === "rare").length);
    expect(result.requests.byClass.common!.arrived).toBe(inside.filter((a) => a.class === undefined).length);
  });
});
