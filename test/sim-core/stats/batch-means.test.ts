// Batch means: interval coverage on independent data, batch counts, and the t quantile.
import { describe, expect, test } from "vitest";
import { randomStream } from "../../../packages/sim-core/src/random/streams";
import { BatchMeans } from "../../../packages/sim-core/src/stats/batch-means";
import { studentT975 } from "../../../packages/sim-core/src/stats/student-t";

describe("batch means", () => {
  test("t quantiles agree with tables (t_{0.975}: df 29 → 2.045, df 59 → 2.001)", () => {
    expect(studentT975(29)).toBeCloseTo(2.04523, 3);
    expect(studentT975(59)).toBeCloseTo(2.001, 3);
    expect(studentT975(1e9)).toBeCloseTo(1.95996, 4);
  });

  test("keeps between 30 and 60 full batches whatever the count", () => {
    for (const n of [60, 1000, 123_457]) {
      const b = new BatchMeans(30);
      for (let i = 0; i < n; i++) b.add(i);
      expect(b.batches).toBeGreaterThanOrEqual(30);
      expect(b.batches).toBeLessThan(60);
    }
  });

  test("on independent uniforms the 95% interval covers the mean about 95% of the time", () => {
    const rng = randomStream(8, "bm");
    let covered = 0;
    const trials = 400;
    for (let t = 0; t < trials; t++) {
      const b = new BatchMeans(30);
      let sum = 0;
      const n = 3000;
      for (let i = 0; i < n; i++) {
        const u = rng.nextDouble();
        b.add(u);
        sum += u;
      }
      if (Math.abs(sum / n - 0.5) <= b.halfWidth95()) covered++;
    }
    // Binomial(400, 0.95): sd ≈ 4.4 trials; allow 4 sd.
    expect(Math.abs(covered - 380)).toBeLessThanOrEqual(18);
  });
});
