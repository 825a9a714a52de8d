// Time-weighted averages and single-pass moments.
import { describe, expect, test } from "vitest";
import { RunningMoments } from "../../../packages/sim-core/src/stats/running-moments";
import { TimeWeighted } from "../../../packages/sim-core/src/stats/time-weighted";

describe("TimeWeighted", () => {
  test("averages a step function over time and tracks its max", () => {
    const t = new TimeWeighted();
    t.set(0, 2); // 2 for 1 s
    t.set(1, 4); // 4 for 3 s
    t.set(4, 0); // 0 for 1 s
    expect(t.mean(5)).toBeCloseTo((2 * 1 + 4 * 3) / 5, 12);
    expect(t.max).toBe(4);
  });

  test("reset starts a new window at the current level", () => {
    const t = new TimeWeighted();
    t.set(0, 10);
    t.reset(100);
    t.add(110, -5);
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
