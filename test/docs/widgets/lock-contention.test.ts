// The lock contention widget's model: a closed system of threads and one lock, against exact mean
// value analysis, and the bounds the page states (1 / inside, Amdahl's speed-up).
import { describe, expect, it } from "vitest";
import { lockContention } from "../../../apps/docs/src/widgets/lock-contention";
import { meanValueAnalysis } from "../../../apps/docs/src/widgets/mean-value-analysis";
import { meanValueAnalysis as mvaOracle } from "../../sim-core/support/mean-value-analysis";

type View = ReturnType<typeof lockContention.compute>;
const view = (params: Record<string, number>) =>
  lockContention.compute({ ...lockContention.defaults, ...params });
const number = (v: View, id: string) => v.numbers.find((n) => n.id === id)!.value;

describe("mean value analysis", () => {
  it("one user never queues; many users saturate the server at 1 / S", () => {
    const one = meanValueAnalysis(1, 0.001, 0.0001);
    expect(one.responseTime).toBeCloseTo(0.0001, 12);
    expect(one.throughput).toBeCloseTo(1 / 0.0011, 6);
    const many = meanValueAnalysis(500, 0.001, 0.0001);
    expect(many.throughput).toBeCloseTo(10_000, 0);
    // The response-time law: R = N / X − Z.
    expect(many.responseTime).toBeCloseTo(500 / many.throughput - 0.001, 9);
  });

  it("gives the tests' own mean value analysis for any number of threads", () => {
    for (const users of [1, 2, 7, 64, 500]) {
      for (const [think, service] of [
        [0.001, 0.0001],
        [0.0002, 0.0005],
      ] as const) {
        const widget = meanValueAnalysis(users, think, service);
        const oracle = mvaOracle(users, think, service);
        for (const key of ["responseTime", "throughput", "queue"] as const)
          expect(widget[key], `${key}, ${users} users, Z = ${think}, S = ${service}`).toBeCloseTo(
            oracle[key],
            9,
          );
      }
    }
  });
});

describe("lock-contention widget", () => {
  it("models the lock as one FCFS server and the work outside it as the threads' think time", () => {
    const scenario = view({ threads: 16, inside: 20, outside: 200 }).scenario as {
      workload: { clients: { users: number; think: unknown }; requests: { steps: unknown[] }[] };
      components: { lock: unknown };
    };
    expect(scenario.workload.clients).toEqual({ users: 16, think: { exp: "200us" } });
    expect(scenario.workload.requests[0]!.steps).toEqual([{ service: { exp: "20us" } }]);
    expect(scenario.components.lock).toEqual({ type: "station", servers: 1 });
  });

  it("the simulated mean wait matches mean value analysis within 10 % wherever threads queue", () => {
    for (const inside of [20, 100, 500]) {
      for (const threads of [4, 16, 64]) {
        const v = view({ threads, inside });
        const simulated = number(v, "mean-wait");
        const theory = number(v, "theory-wait");
        expect(Math.abs(simulated - theory) / theory, `${threads} threads, ${inside} µs`).toBeLessThan(0.1);
      }
    }
  });

  it("one thread never waits; with 64 threads and 100 µs inside, the lock is saturated at about 10,000 a second", () => {
    expect(number(view({ threads: 1 }), "mean-wait")).toBe(0);
    const crowded = view({ threads: 64, inside: 100, outside: 1000 });
    expect(number(crowded, "lock-busy")).toBeGreaterThan(0.98);
    // Saturated, the lock completes a Poisson number of exponential holds in the 2 s measured:
    // mean 20,000, sd √20,000 ≈ 141, so the rate is 10,000 a second within 4 sd (±283).
    expect(Math.abs(number(crowded, "throughput") - 10_000)).toBeLessThan((4 * Math.sqrt(20_000)) / 2);
    // The page's figure: over 5 ms of waiting for 0.1 ms of holding.
    expect(number(crowded, "mean-wait")).toBeGreaterThan(0.005);
    // Amdahl: at most (1 ms + 0.1 ms) / 0.1 ms = 11 times one thread's rate, give or take the same
    // 4 sd of a 2 s count (±2.8%).
    expect(number(crowded, "speedup")).toBeLessThanOrEqual(11 * (1 + (4 * Math.sqrt(20_000)) / 20_000));
    expect(number(crowded, "speedup")).toBeGreaterThan(10.5);
  });
});
