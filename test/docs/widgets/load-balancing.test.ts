// The load-balancing widget's model: over uneven backends the load-blind algorithms saturate the
// small backends once the load passes 8 × 100/s ÷ 1400/s = 57%, the load-aware ones do not.
import { describe, expect, it } from "vitest";
import { loadBalancing } from "../../../apps/docs/src/widgets/load-balancing";

const view = (algorithm: string, load: number) => loadBalancing.compute({ algorithm, load });
const p99 = (algorithm: string, load: number) =>
  view(algorithm, load).numbers.find((n) => n.id === "p99-latency")!.value;

describe("load-balancing widget", () => {
  it("runs the chosen algorithm at the chosen share of the backends' capacity", () => {
    const v = view("least-connections", 0.5) as {
      scenario: { workload: { arrival: { rate: number } }; components: { lb: { algorithm: string } } };
    };
    expect(v.scenario.components.lb.algorithm).toBe("least-connections");
    expect(v.scenario.workload.arrival.rate).toBe(700); // 14 servers × 100/s × 50%
  });

  it("below 57% every algorithm keeps up; above it round robin and random fall far behind", () => {
    for (const a of ["round-robin", "random", "least-connections", "power-of-two"])
      expect(p99(a, 0.4)).toBeLessThan(0.2);
    expect(p99("round-robin", 0.7)).toBeGreaterThan(10 * p99("least-connections", 0.7));
    expect(p99("random", 0.7)).toBeGreaterThan(10 * p99("power-of-two", 0.7));
    // Power of two compares requests in flight, not per server: a busy 4-server backend looks as full
    // as a 1-server one with a queue, so it trails least connections here but stays far ahead of random.
    expect(p99("power-of-two", 0.7)).toBeLessThan(0.2);
  });
});
