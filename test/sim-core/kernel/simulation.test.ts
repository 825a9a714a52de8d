import { describe, expect, test } from "vitest";
import type { EventHandler } from "../../../packages/sim-core/src/kernel/event-handler";
import { Simulation } from "../../../packages/sim-core/src/kernel/simulation";

function recorder(): EventHandler & { seen: [number, number][]; sim?: Simulation } {
  const seen: [number, number][] = [];
  return {
    seen,
    onEvent(kind) {
      seen.push([kind, this.sim?.now ?? Number.NaN]);
    },
  };
}

describe("Simulation", () => {
  test("dispatches in time order, equal times in insertion order", () => {
    const sim = new Simulation();
    const handler = recorder();
    handler.sim = sim;
    sim.schedule(1, handler, 2);
    sim.schedule(1, handler, 3);
    sim.schedule(0.5, handler, 1);
    sim.schedule(1, handler, 4);
    sim.run();
    expect(handler.seen).toEqual([
      [1, 0.5],
      [2, 1],
      [3, 1],
      [4, 1],
    ]);
    expect(sim.events).toBe(4);
  });

  test("run() with no bound returns once nothing is pending", () => {
    const sim = new Simulation();
    sim.run();
    expect(sim.pending).toBe(0);
    expect(sim.now).toBe(0);
  });

  test("run(until) stops before later events and advances the clock to `until`", () => {
    const sim = new Simulation();
    const handler = recorder();
    sim.schedule(2, handler, 1);
    sim.schedule(5, handler, 2);
    sim.run(3);
    expect(handler.seen.map(([kind]) => kind)).toEqual([1]);
    expect(sim.now).toBe(3);
    expect(sim.peek()).toBe(5);
  });

  test("the heap stays ordered through many interleaved pushes and pops, reusing slots", () => {
    const sim = new Simulation();
    const times: number[] = [];
    let state = 12345;
    const next = () => {
      state = (state * 1103515245 + 12345) % 2147483648; // a fixed LCG: the test needs reproducible, not good, numbers
      return state / 2147483648;
    };
    const handler: EventHandler = {
      onEvent() {
        times.push(sim.now);
        if (times.length < 5000) sim.schedule(next(), handler, 0);
        if (times.length < 2500) sim.schedule(next() * 3, handler, 0);
      },
    };
    for (let i = 0; i < 100; i++) sim.schedule(next(), handler, 0);
    sim.run();
    expect(times.length).toBeGreaterThan(5000);
    for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThanOrEqual(times[i - 1]!);
  });
});
