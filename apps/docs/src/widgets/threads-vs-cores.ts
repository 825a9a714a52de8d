// Threads vs cores: throughput of a thread pool as the thread count grows, for CPU-bound work and for
// work that waits on I/O. The knee sits at cores × (1 + wait/compute); past it, context switches cost.
import example from "../../../../examples/docs/threads-vs-cores.json";
import { formatDuration, formatNumber, formatPercent } from "./number-format";
import { cachedSimulate } from "./run-cache";
import type { Params, WidgetModel, WidgetView } from "./view";

type Scenario = typeof example;

// CPU per request in both workloads, so both saturate at the same cores / CPU requests per second.
const CPU_MS = 2;
export const THREAD_COUNTS = [1, 2, 4, 6, 8, 10, 12, 16, 24, 32, 48, 64];

function scenarioAt(
  cores: number,
  waitRatio: number,
  contextSwitch: string,
  threads: number,
  io: boolean,
): Scenario {
  const scenario = structuredClone(example);
  const wait = waitRatio * CPU_MS;
  scenario.name = io
    ? `Thread pool of ${threads} on ${cores} core(s), ${CPU_MS} ms CPU + ${wait} ms I/O per request`
    : `Thread pool of ${threads} on ${cores} core(s), ${CPU_MS} ms CPU per request`;
  scenario.components.web.cores = cores;
  scenario.components.web.contextSwitch = contextSwitch;
  scenario.components.web.architecture.threads = threads;
  scenario.workload.requests[0]!.steps = io
    ? [{ cpu: { exp: `${CPU_MS}ms` } }, { io: { exp: `${wait}ms` } }]
    : ([{ cpu: { exp: `${CPU_MS}ms` } }] as Scenario["workload"]["requests"][0]["steps"]);
  return scenario;
}

function compute(params: Params): WidgetView {
  const cores = Number(params.cores);
  const waitRatio = Number(params.waitRatio);
  const contextSwitch = String(params.contextSwitch);
  const threads = Number(params.threads);
  const rows = THREAD_COUNTS.map((n) => ({
    threads: n,
    io: cachedSimulate(scenarioAt(cores, waitRatio, contextSwitch, n, true)),
    cpu: cachedSimulate(scenarioAt(cores, waitRatio, contextSwitch, n, false)),
  }));
  const focus = scenarioAt(cores, waitRatio, contextSwitch, threads, true);
  const result = cachedSimulate(focus);
  const knee = cores * (1 + waitRatio);
  const ceiling = (cores * 1000) / CPU_MS;
  const web = result.components.web as unknown as { cpu: { switching: number } };
  const best = (pick: (r: (typeof rows)[0]) => number) => Math.max(...rows.map(pick));
  const bestIo = best((r) => r.io.throughput);
  const bestCpu = best((r) => r.cpu.throughput);
  // The fewest threads that reach 95 % of the best I/O-bound throughput: where the curve flattens.
  const flattens = rows.find((r) => r.io.throughput >= 0.95 * bestIo)!.threads;
  const summary =
    `On ${cores} core(s), CPU-bound work levels off at about ${formatNumber(bestCpu, 0)} requests/s once every ` +
    `core has a thread; I/O-bound work keeps gaining until about ${flattens} threads (the rule gives ${knee}), ` +
    `peaking near ${formatNumber(bestIo, 0)} /s. ${threads} threads complete ${formatNumber(result.throughput, 0)} /s.`;

  return {
    chart: {
      title: `Throughput vs threads, ${cores} core(s)`,
      summary,
      xLabel: "Threads in the pool",
      yLabel: "Throughput (requests/s)",
      series: [
        { name: "I/O-bound", style: "line", points: rows.map((r) => [r.threads, r.io.throughput]) },
        { name: "CPU-bound", style: "line", points: rows.map((r) => [r.threads, r.cpu.throughput]) },
        { name: "This run", style: "points", points: [[threads, result.throughput]] },
      ],
    },
    table: {
      caption: `Throughput and p99 latency by thread count, ${cores} core(s), context switch ${contextSwitch}`,
      columns: ["Threads", "I/O-bound (req/s)", "I/O-bound p99", "CPU-bound (req/s)", "CPU-bound p99"],
      rows: rows.map((r) => [
        String(r.threads),
        formatNumber(r.io.throughput, 0),
        formatDuration(r.io.latency.p99),
        formatNumber(r.cpu.throughput, 0),
        formatDuration(r.cpu.latency.p99),
      ]),
    },
    numbers: [
      { id: "knee", label: "Knee: cores × (1 + wait/compute)", value: knee, text: `${knee} threads` },
      {
        id: "ceiling",
        label: "Ceiling: cores / CPU per request",
        value: ceiling,
        text: `${formatNumber(ceiling, 0)} /s`,
      },
      {
        id: "throughput",
        label: `Throughput at ${threads} threads`,
        value: result.throughput,
        text: `${formatNumber(result.throughput, 0)} /s`,
        field: "throughput",
      },
      {
        id: "p99-latency",
        label: "p99 latency",
        value: result.latency.p99,
        text: formatDuration(result.latency.p99),
        field: "latency.p99",
      },
      {
        id: "switching",
        label: "Core time lost to switching",
        value: web.cpu.switching,
        text: formatPercent(web.cpu.switching, 1),
        field: "components.web.cpu.switching",
      },
    ],
    scenario: focus,
  };
}

export const threadsVsCores: WidgetModel = {
  name: "threads-vs-cores",
  defaults: {
    cores: example.components.web.cores,
    waitRatio: 4,
    contextSwitch: example.components.web.contextSwitch,
    threads: example.components.web.architecture.threads,
  },
  compute,
};
