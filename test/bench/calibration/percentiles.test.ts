// Nearest-rank percentiles and failure counting of open-loop outcomes.
import { describe, expect, it } from "vitest";
import { latencyFigures, quantile } from "../../../bench/calibration/percentiles";

describe("percentiles", () => {
  it("takes the smallest value with at least q of the sample at or below it", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([0.5, 0.9, 0.99, 1].map((q) => quantile(sorted, q))).toEqual([50, 90, 99, 100]);
    expect(quantile([3], 0.99)).toBe(3);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it("counts failures by kind and leaves them out of the latencies", () => {
    const figures = latencyFigures([
      { at: 0, cls: "x", latency: 0.1, failure: null, head: "" },
      { at: 0, cls: "x", latency: 0.3, failure: null, head: "" },
      { at: 0, cls: "x", latency: null, failure: "reset", head: "" },
      { at: 0, cls: "x", latency: null, failure: "timeout", head: "" },
    ]);
    expect(figures).toMatchObject({
      sent: 4,
      completed: 2,
      failed: { reset: 1, timeout: 1 },
      failureFraction: 0.5,
    });
    expect(figures.mean).toBeCloseTo(0.2, 12);
    expect(figures.p50).toBe(0.1);
    expect(figures.max).toBe(0.3);
  });
});
