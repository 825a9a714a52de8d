// Time-weighted averages and single-pass moments.
import { describe, expect, test } from "vitest";
import { RunningMoments } from "../../../packages/sim-core/src/stats/running-moments";
import { TimeWeighted } from "../../../packages/sim-core/src/stats/time-weighted";

describe("TimeWeighted", () => {
  test("averages a step function over time and tracks its max", () => {
    const clock = { now: 0 };
    const t = new TimeWeighted(clock);
    t.set(2); // 2 for 1 s
    clock.now = 1;
    t.set(4); // 4 for 3 s
    clock.now = 4;
    t.set(0); // 0 for 1 s
    expect(t.mean(5)).toBeCloseTo((2 * 1 + 4 * 3) / 5, 12);
    expect(t.max).toBe(4);
  });

  test("reset starts a new window at the current level", () => {
    const clock = { now: 0 };
    const t = new TimeWeighted(clock);
    t.set(10);
    t.reset(100);
    clock.now = 110;
    t.add(-5);
    expect(t.mean(120)).toBeCloseTo(7.5, 12);
    expect(t.max).toBe(10);
  });
});

describe("RunningMoments", () => {
  test("mean and sample variance in one pass", () => {
    const m = new RunningMoments();
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) m.add(x);
    expect(m.mean).toBe(5);
    expect(m.variance).toBeCloseTo(32 / 7, 12);
  });
});
