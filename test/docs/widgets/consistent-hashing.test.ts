// The consistent-hashing widget's model against theory: adding the (N + 1)-th backend moves about
// 1/(N + 1) of the keys on a ring and N/(N + 1) under modulo hashing; virtual nodes even out the
// ring; a hot key overloads its backend unless bounded loads cap every backend at ⌈c × the mean⌉.
import type { Result } from "@syslab/sim-core";
import { describe, expect, it } from "vitest";
import {
  BACKENDS,
  BOUNDS,
  busiestShare,
  consistentHashing,
  expectedBusiestShare,
  expectedSpreadOnePoint,
  KEYS,
  keySpread,
  movedShare,
  movedToNewShare,
  SKEWS,
  VIRTUAL_NODES,
} from "../../../apps/docs/src/widgets/consistent-hashing";
import { cachedSimulate } from "../../../apps/docs/src/widgets/run-cache";
import type { WidgetView } from "../../../apps/docs/src/widgets/view";
import example from "../../../examples/balancing/hot-keys-bounded-load.json";

const number = (v: WidgetView, id: string) => v.numbers.find((n) => n.id === id)!.value;
const HOT_BACKENDS = example.components.lb.backends.length;

/** The example with another skew and bound, as the widget builds it. */
function hot(s: number, c: number | "none"): Result {
  const scenario: typeof example = structuredClone(example);
  scenario.workload.requests[0]!.key.zipf.s = s;
  const lb: Partial<typeof example.components.lb> = scenario.components.lb;
  if (c === "none") delete lb.boundedLoad;
  else lb.boundedLoad = c;
  return cachedSimulate(scenario);
}

interface InFlight {
  inSystem: { max: number };
}
const backendsOf = (r: Result) => Object.keys((r.components.lb as unknown as { backends: object }).backends);
const requestsSent = (r: Result) =>
  Object.values(
    (r.components.lb as unknown as { backends: Record<string, { requests: number }> }).backends,
  ).reduce((a, b) => a + b.requests, 0);

describe("consistent-hashing widget: keys moved by adding a backend", () => {
  it("modulo hashing moves N/(N + 1) of the keys, within a binomial error", () => {
    for (const n of BACKENDS) {
      const p = n / (n + 1);
      // Keys hash independently: the moved count is binomial(K, p).
      expect(Math.abs(movedShare(n, 0) - p), `N = ${n}`).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / KEYS));
    }
  });

  it("a ring moves 1/(N + 1) of the keys, only to the new backend, within the arc's and the keys' error", () => {
    for (const v of VIRTUAL_NODES) {
      for (const n of BACKENDS) {
        const p = 1 / (n + 1);
        // The new backend's v points own a Beta(v, N v) share of the ring (variance p(1 − p)/((N + 1)v + 1)),
        // and K keys sample that share binomially on top.
        const sd = Math.sqrt((p * (1 - p)) / ((n + 1) * v + 1) + (p * (1 - p)) / KEYS);
        expect(Math.abs(movedShare(n, v) - p), `N = ${n}, ${v} virtual nodes`).toBeLessThan(4 * sd);
        expect(movedToNewShare(n, v), `N = ${n}, ${v} virtual nodes`).toBe(1);
      }
    }
    // With many virtual nodes the sd is small enough that the figure is close: within 15 % of 1/(N + 1).
    for (const n of BACKENDS)
      expect(Math.abs(movedShare(n, 1000) * (n + 1) - 1), `N = ${n}`).toBeLessThan(0.15);
  });

  it("many virtual nodes spread keys evenly; one point each leaves the busiest near H_N times the mean", () => {
    expect(expectedSpreadOnePoint(10)).toBeCloseTo(2.929, 3);
    for (const n of BACKENDS) {
      for (const v of [160, 1000]) {
        // A backend's share has relative sd √((n − 1)/(n v + 1)) from the ring and √(n/K) from the keys;
        // the largest of n such shares stays within 4 of them of the mean.
        const sd = Math.sqrt((n - 1) / (n * v + 1) + n / KEYS);
        expect(keySpread(n, v), `N = ${n}, ${v} virtual nodes`).toBeLessThan(1 + 4 * sd);
      }
      expect(keySpread(n, 1), `N = ${n}`).toBeGreaterThan(keySpread(n, 1000));
    }
    // One point each: the busiest's share is the largest of n uniform gaps, H_n/n on average; over the
    // ten ring sizes the mean ratio to H_n is near 1 (each gap's max has sd ≈ 1.28/H_n of it).
    const ratio =
      BACKENDS.reduce((a, n) => a + keySpread(n, 1) / expectedSpreadOnePoint(n), 0) / BACKENDS.length;
    expect(ratio).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1.4);
  });
});

describe("consistent-hashing widget: hot keys with and without bounded loads", () => {
  it("without a bound the busiest backend gets the Zipf weight of its keys, within a binomial error", () => {
    for (const s of SKEWS) {
      const result = hot(s, "none");
      const p = expectedBusiestShare(s);
      const sent = requestsSent(result);
      expect(Math.abs(busiestShare(result) - p), `s = ${s}`).toBeLessThan(
        4 * Math.sqrt((p * (1 - p)) / sent),
      );
    }
    // s = 1 over 10,000 keys: the hottest key alone is 1/H(10000) ≈ 10.2 % of the traffic.
    let h = 0;
    for (let k = 1; k <= 10_000; k++) h += 1 / k;
    expect(expectedBusiestShare(1)).toBeGreaterThan(1 / h + (1 - 1 / h) / HOT_BACKENDS - 0.03);
  });

  it("at s = 1 the hot key's backend is pushed past its capacity: it is always busy and the p99 is seconds", () => {
    const result = hot(1, "none");
    // 600/s × 19.8 % ≈ 119/s against the 100/s one server of exp(10 ms) can serve.
    expect(600 * expectedBusiestShare(1)).toBeGreaterThan(110);
    const utilizations = backendsOf(result).map((b) => result.components[b]!.utilization);
    expect(Math.max(...utilizations)).toBeGreaterThan(0.99);
    expect(result.latency.p99).toBeGreaterThan(1);
  });

  it("bounded loads keep every backend at or below ⌈c × the mean in flight⌉, and unbounded does not", () => {
    for (const c of BOUNDS.filter((b) => b !== "none")) {
      for (const s of SKEWS) {
        const result = hot(s, c);
        // The most the balancer had in flight, over the backends: a backend's count only grows when it is
        // sent a request, and it is sent one only while below ⌈c × in flight / n⌉.
        const total = result.components.lb!.inSystem.max;
        for (const b of backendsOf(result)) {
          expect(
            (result.components[b] as unknown as InFlight).inSystem.max,
            `c = ${c}, s = ${s}, ${b}`,
          ).toBeLessThanOrEqual(Math.ceil((c * total) / HOT_BACKENDS));
        }
      }
    }
    const free = hot(1, "none");
    const most = Math.max(
      ...backendsOf(free).map((b) => (free.components[b] as unknown as InFlight).inSystem.max),
    );
    expect(most).toBeGreaterThan(Math.ceil((1.25 * free.components.lb!.inSystem.max) / HOT_BACKENDS));
  });

  it("with c ≥ 1.25 the busiest backend's share of requests stays within c × the mean, and the p99 under 100 ms", () => {
    // M/M/1 at the mean load (75 %) has p99 = ln(100) × 10 ms / 0.25 = 184 ms: bounded loads do better
    // than random choice, since a full backend is passed over.
    const mm1p99 = (Math.log(100) * 0.01) / (1 - 0.75);
    for (const c of [1.25, 1.5, 2]) {
      for (const s of SKEWS) {
        const result = hot(s, c);
        const limit = c / HOT_BACKENDS;
        const sent = requestsSent(result);
        expect(busiestShare(result), `c = ${c}, s = ${s}`).toBeLessThan(
          limit + 4 * Math.sqrt((limit * (1 - limit)) / sent),
        );
        expect(result.latency.p99, `c = ${c}, s = ${s}`).toBeLessThan(mm1p99);
      }
    }
    expect(hot(1, 1.25).latency.p99).toBeLessThan(0.1);
  });
});

describe("consistent-hashing widget: the view", () => {
  const view = consistentHashing.compute(consistentHashing.defaults);

  it("states the chosen figures: 4 → 5 backends, 160 virtual nodes, s = 1, c = 1.25", () => {
    expect(number(view, "moved-modulo")).toBe(movedShare(4, 0));
    expect(number(view, "moved-ring")).toBe(movedShare(4, 160));
    expect(number(view, "key-spread")).toBe(keySpread(4, 160));
    expect(number(view, "busiest-share")).toBe(busiestShare(hot(1, 1.25)));
    expect(number(view, "p99-latency")).toBe(hot(1, 1.25).latency.p99);
    expect(number(view, "busiest-share-unbounded")).toBe(busiestShare(hot(1, "none")));
    expect(number(view, "p99-unbounded")).toBe(hot(1, "none").latency.p99);
    // The default scenario is the example file, figures and all.
    const { name: _, ...rest } = view.scenario as typeof example;
    const { name: __, ...file } = example;
    expect(rest).toEqual(file);
  });

  it("draws one line per virtual-node count and the two theories", () => {
    const names = view.chart.series.map((s) => s.name);
    expect(names).toEqual([
      "Modulo hash",
      "Theory N/(N + 1)",
      "Ring, 1 virtual node",
      "Ring, 10 virtual nodes",
      "Ring, 160 virtual nodes",
      "Ring, 1000 virtual nodes",
      "Theory 1/(N + 1)",
    ]);
    expect(view.chart.series.find((s) => s.emphasis)!.name).toBe("Ring, 160 virtual nodes");
    expect(view.table.rows).toHaveLength(BACKENDS.length);
  });

  it("runs the chosen skew and bound, and drops the bound when none is chosen", () => {
    const v = consistentHashing.compute({ backends: 10, virtualNodes: 1, skew: 1.2, bound: "none" });
    const scenario = v.scenario as typeof example;
    expect(scenario.components.lb).not.toHaveProperty("boundedLoad");
    expect(scenario.workload.requests[0]!.key.zipf.s).toBe(1.2);
    expect(number(v, "moved-ring")).toBe(movedShare(10, 1));
    expect(number(v, "busiest-share")).toBe(busiestShare(hot(1.2, "none")));
    expect(v.extraFigures![1]!.chart.series.map((s) => s.name)).not.toContain("Bounded, c = 1.25");
    const bounded = consistentHashing.compute({ ...consistentHashing.defaults, bound: 2 });
    expect((bounded.scenario as typeof scenario).components.lb.boundedLoad).toBe(2);
    expect(bounded.extraFigures![1]!.chart.series.map((s) => s.name)).toContain("Bounded, c = 2");
  });
});
