// Balancing algorithms side by side on the same arrivals: p99 latency vs load for round robin, random,
// least connections and power of two choices, over backends of uneven size.
import example from "../../../../examples/balancing/algorithms.json";
import { formatDuration, formatNumber } from "./number-format";
import { cachedSimulate } from "./run-cache";
import type { Params, WidgetModel, WidgetView } from "./view";

export const ALGORITHMS = ["round-robin", "random", "least-connections", "power-of-two"] as const;
const LABELS: Record<string, string> = {
  "round-robin": "Round robin",
  random: "Random",
  "least-connections": "Least connections",
  "power-of-two": "Power of two",
};
export const LOADS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/** Requests per second the backends can serve: servers ÷ 10 ms each. */
const CAPACITY =
  Object.values(example.components).reduce(
    (sum, c) => sum + (c.type === "station" ? ((c as { servers?: number }).servers ?? 1) : 0),
    0,
  ) / 0.01;

/** The example at another load and algorithm: the same seed, so every algorithm sees the same arrivals. */
function scenarioAt(algorithm: string, load: number): unknown {
  const scenario: typeof example = structuredClone(example);
  scenario.workload.arrival.rate = Math.round(load * CAPACITY);
  scenario.components.lb.algorithm = algorithm;
  scenario.name = `${LABELS[algorithm]} over uneven backends at ${Math.round(load * 100)}% load`;
  return scenario;
}

function compute(params: Params): WidgetView {
  const algorithm = String(params.algorithm);
  const load = Number(params.load);
  const sweep = ALGORITHMS.map((a) => ({
    algorithm: a,
    results: LOADS.map((l) => cachedSimulate(scenarioAt(a, l))),
  }));
  const focus = scenarioAt(algorithm, load);
  const result = cachedSimulate(focus);
  const atLoad = (a: string) => cachedSimulate(scenarioAt(a, load));
  const best = ALGORITHMS.reduce((x, y) => (atLoad(y).latency.p99 < atLoad(x).latency.p99 ? y : x));
  const summary =
    `At ${Math.round(load * 100)}% load ${LABELS[algorithm]} has a p99 of ${formatDuration(result.latency.p99)}; ` +
    `the best of the four is ${LABELS[best]} at ${formatDuration(atLoad(best).latency.p99)}. Round robin and random ` +
    "give each backend an eighth of the traffic whatever its size, so the 1-server backends saturate above 57% load.";
  return {
    chart: {
      title: "p99 latency vs load, by algorithm",
      summary,
      xLabel: "Load (share of the backends' capacity)",
      yLabel: "p99 latency (s)",
      series: [
        ...sweep.map((s) => ({
          name: LABELS[s.algorithm]!,
          style: "line" as const,
          emphasis: s.algorithm === algorithm,
          points: s.results.map((r, i): [number, number] => [LOADS[i]!, r.latency.p99]),
        })),
        { name: "This run", style: "points", points: [[load, result.latency.p99]] },
      ],
    },
    table: {
      caption: "p99 latency by load and algorithm, over 2 backends of 4 servers and 6 of 1",
      columns: ["Load", ...ALGORITHMS.map((a) => `${LABELS[a]} p99`)],
      rows: LOADS.map((l, i) => [
        `${Math.round(l * 100)}%`,
        ...sweep.map((s) => formatDuration(s.results[i]!.latency.p99)),
      ]),
    },
    numbers: [
      {
        id: "p99-latency",
        label: `${LABELS[algorithm]}: p99 latency`,
        value: result.latency.p99,
        text: formatDuration(result.latency.p99),
        field: "latency.p99",
      },
      {
        id: "mean-latency",
        label: "Mean latency",
        value: result.latency.mean,
        text: formatDuration(result.latency.mean),
        field: "latency.mean",
      },
      {
        id: "throughput",
        label: "Requests completed per second",
        value: result.throughput,
        text: `${formatNumber(result.throughput, 0)} /s`,
        field: "throughput",
      },
    ],
    scenario: focus,
  };
}

export const loadBalancing: WidgetModel = {
  name: "load-balancing",
  defaults: { algorithm: example.components.lb.algorithm, load: 0.7 },
  compute,
};
