// A working set that moves: the popularity ranks rotate by `by` keys every `every` seconds.
import { describe, expect, test } from "vitest";
import { randomStream } from "../../../../packages/sim-core/src/random/streams";
import { keySampler } from "../../../../packages/sim-core/src/workload/keys/key-sampler";

describe("a shifting Zipf key", () => {
  const clock = { now: 0 };
  const sampler = keySampler({ kind: "zipf", keys: 1000, s: 1.2, shift: { every: 10, by: 300 } }, clock);

  /** The most drawn key over 20,000 draws at the clock's time. */
  function hottest(): number {
    const rng = randomStream(2, "shift");
    const counts = new Map<number, number>();
    for (let i = 0; i < 20_000; i++) {
      const key = sampler.sample(rng);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  }

  test("rank 0 is key 0 in the first period, key 300 in the second, 900 in the fourth, and wraps", () => {
    for (const [now, key] of [
      [0, 0],
      [9.99, 0],
      [10, 300],
      [35, 900],
      [40, 200],
    ] as const) {
      clock.now = now;
      expect(hottest(), `at ${now} s`).toBe(key);
    }
  });

  test("draws stay within the keys however long the run", () => {
    clock.now = 1e12;
    const rng = randomStream(3, "shift");
    for (let i = 0; i < 10_000; i++) {
      const key = sampler.sample(rng);
      expect(Number.isInteger(key) && key >= 0 && key < 1000).toBe(true);
    }
  });

  test("without a shift the sampler reads no clock", () => {
    const still = keySampler({ kind: "zipf", keys: 10, s: 1 }, undefined as never);
    expect(still.sample(randomStream(1, "still"))).toBeLessThan(10);
  });
});
