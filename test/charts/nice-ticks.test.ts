import { niceTicks } from "@syslab/charts";
import { expect, test } from "vitest";

test("ticks fall on 1, 2, 2.5 or 5 times a power of ten and cover the range", () => {
  expect(niceTicks(0, 97, 5).values).toEqual([0, 20, 40, 60, 80, 100]);
  expect(niceTicks(0, 0.0042, 5).values).toEqual([0, 0.001, 0.002, 0.003, 0.004, 0.005]);
  expect(niceTicks(3, 11, 4).values).toEqual([2, 4, 6, 8, 10, 12]);
  for (const [lo, hi] of [
    [0, 1],
    [0.013, 0.91],
    [-5, 17],
    [1e5, 3.3e6],
  ] as const) {
    const t = niceTicks(lo, hi);
    expect(t.min).toBeLessThanOrEqual(lo);
    expect(t.max).toBeGreaterThanOrEqual(hi);
    const mantissa = t.step / 10 ** Math.floor(Math.log10(t.step));
    expect([1, 2, 2.5, 5]).toContainEqual(Number(mantissa.toFixed(6)));
    expect(t.values.length).toBeGreaterThanOrEqual(3);
    expect(t.values.length).toBeLessThanOrEqual(12);
  }
});

test("a flat or empty range still gets an axis", () => {
  expect(niceTicks(0, 0).values).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  const t = niceTicks(5, 5);
  expect(t.min).toBeLessThanOrEqual(5);
  expect(t.max).toBeGreaterThan(5);
});

test("labels carry no floating-point noise", () => {
  for (const v of niceTicks(0, 0.3, 3).values) expect(String(v).length).toBeLessThan(6);
});
