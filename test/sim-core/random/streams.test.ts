// The seeded PRNG: known sequences (a change to them changes every result and needs an engine version bump), and stream properties.
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { describe, expect, test } from "vitest";
import { Rng } from "../../../packages/sim-core/src/random/rng";
import { randomStream } from "../../../packages/sim-core/src/random/streams";

describe("random streams", () => {
  test("pure-rand's xoroshiro128+ gives its known sequence for seed 42", () => {
    const generator = xoroshiro128plus(42);
    expect([generator.next(), generator.next(), generator.next(), generator.next()]).toEqual([
      -43, -707462423, -8332113, -783010828,
    ]);
  });

  test("the stream (seed 42, 'arrivals') gives its known integers and doubles", () => {
    const ints = randomStream(42, "arrivals");
    expect([ints.nextInt32(), ints.nextInt32(), ints.nextInt32()]).toEqual([
      1196140031, 529035224, 1579961916,
    ]);
    const doubles = randomStream(42, "arrivals");
    expect([doubles.nextDouble(), doubles.nextDouble(), doubles.nextDouble()]).toEqual([
      0.2784980404850186, 0.3678635437132296, 0.4535718064776909,
    ]);
  });

  test("nextDouble is built from the high 26 and 27 bits of two draws", () => {
    const a = new Rng(xoroshiro128plus(7));
    const b = xoroshiro128plus(7);
    for (let i = 0; i < 100; i++) {
      const high = b.next() >>> 6;
      const low = b.next() >>> 5;
      expect(a.nextDouble()).toBe((high * 2 ** 27 + low) / 2 ** 53);
    }
  });

  test("doubles lie in [0, 1) with mean 1/2 and variance 1/12", () => {
    const rng = randomStream(1, "test");
    const n = 200_000;
    let sum = 0;
    let squares = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.nextDouble();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      squares += u * u;
    }
    expect(outside).toBe(0);
    const mean = sum / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(squares / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });

  test("streams differ by name and by seed, and are reproducible", () => {
    const first = (seed: number, name: string) => randomStream(seed, name).nextDouble();
    expect(first(42, "arrivals")).toBe(first(42, "arrivals"));
    expect(first(42, "arrivals")).not.toBe(first(42, "component:q"));
    expect(first(42, "arrivals")).not.toBe(first(43, "arrivals"));
    // Seeds beyond 32 bits still count.
    expect(first(2 ** 40, "arrivals")).not.toBe(first(0, "arrivals"));
  });

  test("two streams are uncorrelated", () => {
    const a = randomStream(5, "a");
    const b = randomStream(5, "b");
    const n = 100_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += (a.nextDouble() - 0.5) * (b.nextDouble() - 0.5);
    // Each product has variance 1/144: the correlation estimate is within 5 standard errors of 0.
    expect(Math.abs(sum / n)).toBeLessThan(5 * Math.sqrt(1 / 144 / n));
  });
});
