// Zipf keys by rejection-inversion: the exact probabilities, at any number of keys, in O(1) draws.
import { describe, expect, test } from "vitest";
import type { Rng } from "../../../../packages/sim-core/src/random/rng";
import { randomStream } from "../../../../packages/sim-core/src/random/streams";
import { UniformKeys } from "../../../../packages/sim-core/src/workload/keys/uniform-keys";
import { ZipfKeys } from "../../../../packages/sim-core/src/workload/keys/zipf-keys";

/** Exact Zipf probabilities of ranks 0 … n − 1 (n small enough to sum). */
function zipfPmf(n: number, s: number): number[] {
  const weights = Array.from({ length: n }, (_, k) => (k + 1) ** -s);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

/** A stream that counts its uniform draws. */
function counting(seed: number): { rng: Rng; draws: () => number } {
  const inner = randomStream(seed, "zipf-test");
  let draws = 0;
  const rng = { nextDouble: () => (draws++, inner.nextDouble()) } as Rng;
  return { rng, draws: () => draws };
}

const DRAWS = 400_000;

describe("Zipf keys", () => {
  test.each([0, 0.5, 0.8, 1, 1.2, 2])("at s = %s, frequencies match the exact probabilities", (s) => {
    const n = 1000;
    const sampler = new ZipfKeys(n, s);
    const { rng } = counting(7);
    const counts = new Float64Array(n);
    for (let i = 0; i < DRAWS; i++) counts[sampler.sample(rng)]!++;
    const pmf = zipfPmf(n, s);
    // Each of the 20 hottest keys within 5 standard errors of its probability…
    for (let k = 0; k < 20; k++) {
      const p = pmf[k]!;
      const se = Math.sqrt((p * (1 - p)) / DRAWS);
      expect(Math.abs(counts[k]! / DRAWS - p), `key ${k}`).toBeLessThanOrEqual(5 * se + 1e-12);
    }
    // …and the whole distribution close in total variation (sampling noise alone is about 0.02 here).
    const tv = pmf.reduce((sum, p, k) => sum + Math.abs(counts[k]! / DRAWS - p), 0) / 2;
    expect(tv).toBeLessThan(0.03);
  });

  test("one key is always key 0; every draw is a key that exists", () => {
    const { rng } = counting(1);
    const single = new ZipfKeys(1, 0.9);
    const many = new ZipfKeys(37, 3);
    for (let i = 0; i < 10_000; i++) {
      expect(single.sample(rng)).toBe(0);
      const k = many.sample(rng);
      expect(Number.isInteger(k) && k >= 0 && k < 37).toBe(true);
    }
  });

  test("a billion keys need no table, and each draw costs about one uniform whatever the number of keys", () => {
    for (const n of [1000, 1_000_000_000]) {
      const sampler = new ZipfKeys(n, 1.1);
      const { rng, draws } = counting(3);
      let hottest = 0;
      let largest = 0;
      for (let i = 0; i < 100_000; i++) {
        const k = sampler.sample(rng);
        if (k > largest) largest = k;
        if (k === 0) hottest++;
      }
      expect(largest).toBeLessThan(n);
      expect(draws() / 100_000).toBeLessThan(1.2);
      if (n === 1_000_000_000) {
        // P(key 0) = 1 / Σ k^−1.1 over the billion keys: the first 10⁴ terms summed, the rest by
        // the midpoint rule ∫ x^−1.1 dx from 10⁴ + ½ to 10⁹ + ½ (its error is far below the noise).
        let h = 0;
        for (let k = 1; k <= 1e4; k++) h += k ** -1.1;
        h += ((1e4 + 0.5) ** -0.1 - (1e9 + 0.5) ** -0.1) / 0.1;
        const p = 1 / h;
        expect(Math.abs(hottest / 100_000 - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / 100_000));
      }
    }
  });
});

test("uniform keys cover every key evenly", () => {
  const keys = new UniformKeys(10);
  const { rng } = counting(2);
  const counts = new Array(10).fill(0);
  for (let i = 0; i < 100_000; i++) counts[keys.sample(rng)]++;
  for (const c of counts) expect(Math.abs(c / 100_000 - 0.1)).toBeLessThan(5 * Math.sqrt(0.09 / 100_000));
});
