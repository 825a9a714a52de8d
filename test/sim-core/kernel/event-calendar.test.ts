// The event calendar and the simulation loop: (time, insertion order) ordering, the verbs, reuse of slots.
import { describe, expect, test } from "vitest";
import { EventCalendar } from "../../../packages/sim-core/src/kernel/event-calendar";
import type { EventHandler } from "../../../packages/sim-core/src/kernel/event-handler";
import { Simulation } from "../../../packages/sim-core/src/kernel/simulation";
import { randomStream } from "../../../packages/sim-core/src/random/streams";

const handler: EventHandler = { onEvent() {} };

describe("EventCalendar", () => {
  test("pops in (time, insertion) order, with many ties, across interleaved pushes and pops", () => {
    const calendar = new EventCalendar(4); // small, so the arrays grow along the way
    const rng = randomStream(1, "calendar");
    const pending: { time: number; id: number }[] = [];
    let id = 0;
    let now = 0;
    const popped: number[] = [];
    const expected: number[] = [];
    for (let round = 0; round < 20_000; round++) {
      if (pending.length === 0 || rng.nextDouble() < 0.55) {
        // Times on a coarse grid, so equal times are common.
        const time = now + Math.floor(rng.nextDouble() * 8) / 4;
        calendar.push(time, handler, 0, id);
        pending.push({ time, id: id++ });
      } else {
        pending.sort((a, b) => a.time - b.time || a.id - b.id);
        const next = pending.shift()!;
        expected.push(next.id);
        calendar.pop();
        now = calendar.poppedTime;
        expect(now).toBe(next.time);
        popped.push(calendar.poppedPayload as number);
      }
    }
    expect(popped).toEqual(expected);
    expect(calendar.pending).toBe(pending.length);
  });

  test("pop leaves the earliest event's time, handler, kind and payload in its fields", () => {
    const calendar = new EventCalendar();
    calendar.push(2, handler, 7, "b");
    calendar.push(1, handler, 3, "a");
    const seen: unknown[] = [];
    while (calendar.pending > 0) {
      calendar.pop();
      seen.push([
        calendar.poppedTime,
        calendar.poppedHandler === handler,
        calendar.poppedKind,
        calendar.poppedPayload,
      ]);
    }
    expect(seen).toEqual([
      [1, true, 3, "a"],
      [2, true, 7, "b"],
    ]);
    expect(calendar.peekTime()).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("Simulation", () => {
  test("schedule, step and run(until) move the clock and dispatch in order", () => {
    const sim = new Simulation();
    const log: string[] = [];
    const recorder: EventHandler = {
      onEvent(kind, payload) {
        log.push(`${sim.now}:${kind}:${payload}`);
        if (kind === 1) sim.schedule(0, recorder, 2, "same-time follow-up");
      },
    };
    sim.schedule(5, recorder, 0, "late");
    sim.schedule(1, recorder, 1, "early");
    sim.scheduleAt(1, recorder, 3, "tie, scheduled later");
    sim.run(3);
    expect(log).toEqual(["1:1:early", "1:3:tie, scheduled later", "1:2:same-time follow-up"]);
    expect(sim.now).toBe(3);
    expect(sim.peek()).toBe(5);
    expect(sim.step()).toBe(true);
    expect(sim.events).toBe(4);
    expect(sim.step()).toBe(false);
  });
});
