// Python's concurrency models on the same 4 cores and the same clients: threads of one process under
// the GIL, processes (each with its own GIL), one asyncio event loop, and threads of a free-threaded
// build; for CPU-bound, I/O-bound and mixed work. A second figure moves the GIL's switch interval.
import example from "../../../../examples/docs/python-concurrency.json";
import { formatDuration, formatNumber, formatPercent } from "./number-format";
import { cachedSimulate } from "./run-cache";
import type { ChartSeries, Params, WidgetModel, WidgetView } from "./view";

type Scenario = typeof example;
type RequestClass = Scenario["workload"]["requests"][number];

const [IO_BOUND, CPU_BOUND] = example.workload.requests as [RequestClass, RequestClass];
const CORES = example.components.app.cores;

export const WORKLOADS: Record<string, { label: string; requests: RequestClass[] }> = {
  mixed: { label: "Mixed: 3 I/O-bound to 1 CPU-bound", requests: [IO_BOUND, CPU_BOUND] },
  cpu: { label: "CPU-bound: 20 ms of Python", requests: [{ ...CPU_BOUND, weight: 1 }] },
  io: { label: "I/O-bound: 1 ms of Python, 40 ms of waiting", requests: [{ ...IO_BOUND, weight: 1 }] },
};

// 32 threads (a generous ThreadPoolExecutor), 4 processes (one per core, as multiprocessing.Pool and
// Gunicorn's sync workers are sized), one asyncio loop; the free-threaded build runs the same threads.
export const MODELS: Record<
  string,
  { label: string; short: string; runName: string; architecture: Record<string, unknown> }
> = {
  threads: {
    label: "Threads under the GIL (32)",
    short: "threads under the GIL",
    runName: "Threads under the GIL (32 in one process)",
    architecture: example.components.app.architecture,
  },
  processes: {
    label: "Processes (4, one per core)",
    short: "processes",
    runName: "Processes (4, each with its own GIL)",
    architecture: { kind: "prefork", workers: CORES, gil: true },
  },
  asyncio: {
    label: "asyncio (one event loop)",
    short: "asyncio",
    runName: "asyncio (one event loop)",
    architecture: { kind: "event-loop", workers: 1, gil: true },
  },
  "free-threaded": {
    label: "Free-threaded build, no GIL (32 threads)",
    short: "free-threaded threads",
    runName: "Free-threaded build (32 threads, no GIL)",
    architecture: { kind: "thread-pool", threads: 32, queue: 100 },
  },
};

/** How the figures name each request class. */
const CLASS_LABELS: Record<string, string> = { "io-bound": "I/O-bound", "cpu-bound": "CPU-bound" };

export const CLIENTS = [1, 2, 4, 8, 16, 32, 64];
export const SWITCH_INTERVALS = [1, 5, 20, 100];
const INTERVAL_SWEEP = [1, 2, 5, 10, 20, 50, 100];

interface Setup {
  workload: string;
  interval: number;
}

function scenarioAt(model: string, clients: number, { workload, interval }: Setup): Scenario {
  const scenario = structuredClone(example);
  const work = { mixed: "mixed work", cpu: "CPU-bound work", io: "I/O-bound work" }[workload];
  scenario.name = `${MODELS[model]!.runName} on ${CORES} cores, ${clients} clients, ${work}, switch interval ${interval} ms`;
  scenario.workload.clients.users = clients;
  scenario.workload.requests = structuredClone(WORKLOADS[workload]!.requests);
  scenario.components.app.gilSwitchInterval = `${interval}ms`;
  (scenario.components.app as { architecture: unknown }).architecture = structuredClone(
    MODELS[model]!.architecture,
  );
  return scenario;
}

function coresBusy(result: ReturnType<typeof cachedSimulate>): number {
  return (result.components.app as unknown as { cpu: { useful: number } }).cpu.useful;
}

function compute(params: Params): WidgetView {
  const setup: Setup = { workload: String(params.workload), interval: Number(params.interval) };
  const model = String(params.model);
  const clients = Number(params.clients);
  const work = WORKLOADS[setup.workload]!;

  const sweeps = Object.keys(MODELS).map((m) => ({
    model: m,
    rows: CLIENTS.map((n) => ({ clients: n, result: cachedSimulate(scenarioAt(m, n, setup)) })),
  }));
  const intervals = INTERVAL_SWEEP.map((ms) => ({
    ms,
    result: cachedSimulate(scenarioAt("threads", clients, { ...setup, interval: ms })),
  }));
  const focus = scenarioAt(model, clients, setup);
  const result = cachedSimulate(focus);

  const most = CLIENTS[CLIENTS.length - 1]!;
  const atMost = sweeps
    .map((s) => `${MODELS[s.model]!.short} ${formatNumber(s.rows[s.rows.length - 1]!.result.throughput, 0)}`)
    .join(", ");
  const throughputSummary =
    `${work.label} with ${most} clients on ${CORES} cores, completed per second: ${atMost}. ` +
    `${MODELS[model]!.label} with ${clients} clients: ${formatNumber(result.throughput, 0)} /s, ` +
    `${formatNumber(coresBusy(result) * CORES, 1)} of ${CORES} cores busy.`;

  const classes = work.requests.map((c) => c.name);
  const named = (name: string) => CLASS_LABELS[name] ?? name;
  const latencyOf = (r: ReturnType<typeof cachedSimulate>, name: string) =>
    r.requests.byClass[name]?.latencyMean ?? 0;
  const first = intervals[0]!;
  const last = intervals[intervals.length - 1]!;
  const moves = classes
    .map(
      (name) =>
        `${named(name)} requests from ${formatDuration(latencyOf(first.result, name))} to ${formatDuration(latencyOf(last.result, name))}`,
    )
    .join(" and ");
  const intervalSummary =
    `Threads under the GIL with ${clients} clients: raising the switch interval from ${first.ms} ms to ${last.ms} ms ` +
    `moves the mean latency of ${moves}` +
    (classes.length > 1
      ? ", as a CPU-bound thread keeps the GIL longer while woken I/O-bound threads wait for it."
      : ", since with one kind of work there is no one to favour.");

  const intervalSeries: ChartSeries[] = classes.map((name) => ({
    name: `${named(name)} requests`,
    style: "line",
    points: intervals.map((i): [number, number] => [i.ms, latencyOf(i.result, name) * 1000]),
  }));
  if (model === "threads") {
    intervalSeries.push({
      name: "This run",
      style: "points",
      points: classes.map((name): [number, number] => [setup.interval, latencyOf(result, name) * 1000]),
    });
  }

  return {
    chart: {
      title: `Throughput vs clients, ${work.label.split(":")[0]!.toLowerCase()} work`,
      summary: throughputSummary,
      xLabel: "Clients, one request in flight each",
      yLabel: "Completed (requests/s)",
      series: [
        ...sweeps.map((s) => ({
          name: MODELS[s.model]!.label,
          style: "line" as const,
          emphasis: s.model === model,
          points: s.rows.map((r): [number, number] => [r.clients, r.result.throughput]),
        })),
        { name: "This run", style: "points", points: [[clients, result.throughput]] },
      ],
    },
    table: {
      caption: `Throughput and p99 latency by clients, ${work.label}, ${CORES} cores, switch interval ${setup.interval} ms`,
      columns: ["Model", "Clients", "Completed (/s)", "p99", "Cores busy"],
      rows: sweeps.flatMap((s) =>
        s.rows.map((r) => [
          MODELS[s.model]!.label,
          String(r.clients),
          formatNumber(r.result.throughput, 0),
          formatDuration(r.result.latency.p99),
          formatNumber(coresBusy(r.result) * CORES, 2),
        ]),
      ),
    },
    extraFigures: [
      {
        chart: {
          title: `Threads under the GIL: mean latency vs switch interval, ${clients} clients`,
          summary: intervalSummary,
          xLabel: "Switch interval (ms)",
          yLabel: "Mean latency (ms)",
          series: intervalSeries,
        },
        table: {
          caption: `Threads under the GIL, ${clients} clients, ${work.label}: mean latency by switch interval`,
          columns: [
            "Switch interval",
            "Completed (/s)",
            ...classes.map((name) => `${named(name)}: mean latency`),
          ],
          rows: intervals.map((i) => [
            `${i.ms} ms`,
            formatNumber(i.result.throughput, 0),
            ...classes.map((name) => formatDuration(latencyOf(i.result, name))),
          ]),
        },
      },
    ],
    numbers: [
      {
        id: "throughput",
        label: `${MODELS[model]!.label}: completed`,
        value: result.throughput,
        text: `${formatNumber(result.throughput, 0)} /s`,
        field: "throughput",
      },
      {
        id: "mean-latency",
        label: "Mean latency",
        value: result.latency.mean,
        text: formatDuration(result.latency.mean),
        field: "latency.mean",
      },
      {
        id: "p99-latency",
        label: "p99 latency",
        value: result.latency.p99,
        text: formatDuration(result.latency.p99),
        field: "latency.p99",
      },
      {
        id: "cores-busy",
        label: `Cores busy (of ${CORES})`,
        value: coresBusy(result),
        text: `${formatNumber(coresBusy(result) * CORES, 2)} (${formatPercent(coresBusy(result))})`,
        field: "components.app.cpu.useful",
      },
    ],
    scenario: focus,
  };
}

export const pythonConcurrency: WidgetModel = {
  name: "python-concurrency",
  defaults: { workload: "mixed", model: "threads", clients: example.workload.clients.users, interval: 5 },
  compute,
};
