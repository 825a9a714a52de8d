// Server architectures side by side: an event loop, a thread pool, prefork workers and a thread pool
// under a GIL serve the same I/O-heavy workload on the same two cores, at rising offered load.
import example from "../../../../examples/docs/architectures.json";
import { formatDuration, formatNumber } from "./number-format";
import { cachedSimulate } from "./run-cache";
import type { Params, WidgetModel, WidgetView } from "./view";

type Scenario = typeof example;

export const OFFERED = [100, 200, 400, 800, 1200, 1600, 2000];

// Sizes as commonly deployed: NGINX one worker per core, Tomcat-like pool, Gunicorn 2 × cores + 1.
export const ARCHITECTURES: Record<
  string,
  { short: string; label: string; architecture: Record<string, unknown> }
> = {
  "event-loop": {
    short: "Event loop",
    label: "Event loop (2 workers)",
    architecture: { kind: "event-loop", workers: 2 },
  },
  "thread-pool": {
    short: "Thread pool",
    label: "Thread pool (50 threads)",
    architecture: { kind: "thread-pool", threads: 50, queue: 100 },
  },
  prefork: { short: "Prefork", label: "Prefork (5 workers)", architecture: { kind: "prefork", workers: 5 } },
  gil: {
    short: "GIL threads",
    label: "Thread pool under a GIL (50 threads)",
    architecture: { kind: "thread-pool", threads: 50, queue: 100, gil: true },
  },
};

function scenarioAt(kind: string, rate: number, cpuMs: number, ioMs: number): Scenario {
  const scenario = structuredClone(example);
  const entry = ARCHITECTURES[kind]!;
  scenario.name = `${entry.label} on 2 cores at ${rate} requests/s, ${cpuMs} ms CPU + ${ioMs} ms I/O`;
  scenario.workload.arrival.rate = rate;
  scenario.workload.requests[0]!.steps = [{ cpu: { exp: `${cpuMs}ms` } }, { io: { exp: `${ioMs}ms` } }];
  (scenario.components.web as { architecture: unknown }).architecture = structuredClone(entry.architecture);
  return scenario;
}

const MB = 1024 * 1024;

function compute(params: Params): WidgetView {
  const kind = String(params.architecture);
  const rate = Number(params.rate);
  const ioMs = Number(params.io);
  const cpuMs = Number(params.cpu);
  const sweeps = Object.keys(ARCHITECTURES).map((k) => ({
    kind: k,
    rows: OFFERED.map((offered) => ({
      offered,
      result: cachedSimulate(scenarioAt(k, offered, cpuMs, ioMs)),
    })),
  }));
  const focus = scenarioAt(kind, rate, cpuMs, ioMs);
  const result = cachedSimulate(focus);
  const web = result.components.web as unknown as { peakMemory: number };
  const failed =
    result.requests.failed.rejected + result.requests.failed.reset + result.requests.failed.timeout;
  const memory = (r: typeof result) => (r.components.web as unknown as { peakMemory: number }).peakMemory;

  const atRate = sweeps
    .map((s) => {
      const completed = cachedSimulate(scenarioAt(s.kind, rate, cpuMs, ioMs)).throughput;
      return `${ARCHITECTURES[s.kind]!.short.toLowerCase()} ${formatNumber(completed, 0)}`;
    })
    .join(", ");
  const summary = `Offered ${rate} requests/s of ${cpuMs} ms CPU + ${ioMs} ms I/O on 2 cores, the servers complete per second: ${atRate}.`;

  return {
    chart: {
      title: `Completed vs offered load, ${cpuMs} ms CPU + ${ioMs} ms I/O`,
      summary,
      xLabel: "Offered load (requests/s)",
      yLabel: "Completed (requests/s)",
      series: [
        ...sweeps.map((s) => ({
          name: ARCHITECTURES[s.kind]!.short,
          emphasis: s.kind === kind,
          style: "line" as const,
          points: s.rows.map((r): [number, number] => [r.offered, r.result.throughput]),
        })),
        { name: "This run", style: "points", points: [[rate, result.throughput]] },
      ],
    },
    table: {
      caption: `Throughput, p99 latency and peak memory by architecture and offered load (${cpuMs} ms CPU + ${ioMs} ms I/O)`,
      columns: ["Architecture", "Offered (/s)", "Completed (/s)", "p99", "Peak memory", "Failed"],
      rows: sweeps.flatMap((s) =>
        s.rows.map((r) => [
          ARCHITECTURES[s.kind]!.label,
          String(r.offered),
          formatNumber(r.result.throughput, 0),
          formatDuration(r.result.latency.p99),
          `${formatNumber(memory(r.result) / MB, 1)} MB`,
          String(
            r.result.requests.failed.rejected +
              r.result.requests.failed.reset +
              r.result.requests.failed.timeout,
          ),
        ]),
      ),
    },
    numbers: [
      {
        id: "throughput",
        label: `${ARCHITECTURES[kind]!.label}: completed`,
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
        id: "peak-memory",
        label: "Peak memory",
        value: web.peakMemory,
        text: `${formatNumber(web.peakMemory / MB, 1)} MB`,
        field: "components.web.peakMemory",
      },
      { id: "failed", label: "Failed (503, reset, timed out)", value: failed, text: formatNumber(failed, 0) },
    ],
    scenario: focus,
  };
}

export const architectures: WidgetModel = {
  name: "architectures",
  defaults: { architecture: "thread-pool", rate: example.workload.arrival.rate, cpu: 1, io: 20 },
  compute,
};
