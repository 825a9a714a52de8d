// Blocking vs non-blocking I/O: one thread on one core serves the same requests (some CPU, then a wait
// on I/O) either blocking — it holds each request through its wait — or non-blocking, computing for
// another request while one waits. A timeline of the CPU the thread uses, and a sweep of throughput
// and CPU utilisation as the I/O wait grows, against the closed-system bounds.
import example from "../../../../examples/docs/blocking-io.json";
import { formatDuration, formatNumber, formatPercent } from "./number-format";
import { cachedSimulate } from "./run-cache";
import type { Params, WidgetModel, WidgetView } from "./view";

type Scenario = typeof example;

export const MODES: Record<string, { label: string; architecture: Record<string, unknown> }> = {
  blocking: { label: "Blocking", architecture: example.components.web.architecture },
  "non-blocking": { label: "Non-blocking", architecture: { kind: "event-loop", workers: 1 } },
};
export const IO_WAITS = [0, 10, 25, 50, 100, 200, 400];
export const CPU_TIMES = [5, 10, 25, 50];
export const IN_FLIGHT = [1, 3, 10, 30];

/** Points on the timeline: each is a run that stops at that instant, so its CPU counter is "so far". */
const TIMELINE_POINTS = 30;

interface Setup {
  cpuMs: number;
  ioMs: number;
  clients: number;
}

function scenarioAt(mode: string, { cpuMs, ioMs, clients }: Setup, duration?: number): Scenario {
  const scenario = structuredClone(example);
  const thread = mode === "blocking" ? "One blocking thread" : "One non-blocking thread";
  scenario.name = `${thread} on one core, ${clients} requests in flight, ${cpuMs} ms CPU + ${ioMs} ms I/O each`;
  scenario.workload.clients.users = clients;
  scenario.workload.requests[0]!.steps = [{ cpu: `${cpuMs}ms` }, { io: `${ioMs}ms` }];
  (scenario.components.web as { architecture: unknown }).architecture = structuredClone(
    MODES[mode]!.architecture,
  );
  if (duration !== undefined) scenario.run.duration = `${duration}ms`;
  return scenario;
}

function cpuBusy(result: ReturnType<typeof cachedSimulate>): number {
  return (result.components.web as unknown as { cpu: { useful: number } }).cpu.useful;
}

/**
 * Throughput bounds of a closed system of `clients` with no think time on one core: a blocking
 * thread finishes one request per c + w; a non-blocking one is held back by the core (1 / c) or by
 * the clients (N / (c + w)), whichever binds (the asymptotic bounds of operational analysis, exact
 * here because every time is constant).
 */
export function boundThroughput(mode: string, { cpuMs, ioMs, clients }: Setup): number {
  const cycle = (cpuMs + ioMs) / 1000;
  return mode === "blocking" ? 1 / cycle : Math.min(1000 / cpuMs, clients / cycle);
}

function compute(params: Params): WidgetView {
  const mode = String(params.mode);
  const setup: Setup = {
    cpuMs: Number(params.cpu),
    ioMs: Number(params.io),
    clients: Number(params.clients),
  };
  const other = mode === "blocking" ? "non-blocking" : "blocking";
  const label = MODES[mode]!.label;

  // The timeline covers three of the blocking thread's cycles (compute, then wait).
  const window = 3 * (setup.cpuMs + setup.ioMs);
  const instants = Array.from({ length: TIMELINE_POINTS + 1 }, (_, i) => (i * window) / TIMELINE_POINTS);
  const timeline = Object.keys(MODES).map((m) => ({
    mode: m,
    points: instants.map((ms) => {
      if (ms === 0) return { ms, cpuMs: 0, completed: 0 };
      const result = cachedSimulate(scenarioAt(m, setup, ms));
      return { ms, cpuMs: cpuBusy(result) * ms, completed: result.requests.completed };
    }),
  }));

  const sweep = IO_WAITS.map((ioMs) => {
    const at = { ...setup, ioMs };
    return {
      ioMs,
      blocking: cachedSimulate(scenarioAt("blocking", at)),
      nonBlocking: cachedSimulate(scenarioAt("non-blocking", at)),
      bound: { blocking: boundThroughput("blocking", at), nonBlocking: boundThroughput("non-blocking", at) },
    };
  });

  const focus = scenarioAt(mode, setup);
  const result = cachedSimulate(focus);
  const otherResult = cachedSimulate(scenarioAt(other, setup));
  const bound = boundThroughput(mode, setup);
  const [blockingLine, loopLine] = timeline;
  const used = (line: typeof blockingLine) => line!.points[line!.points.length - 1]!.cpuMs;
  const first = sweep[0]!;
  const last = sweep[sweep.length - 1]!;
  // The wait at which N requests in flight no longer keep the core busy: w > (N − 1) c.
  const saturatedUpTo = (setup.clients - 1) * setup.cpuMs;
  const setting = `${setup.clients} request${setup.clients === 1 ? "" : "s"} in flight, ${setup.cpuMs} ms CPU each`;

  const timelineSummary =
    `Over the first ${window} ms (${setup.cpuMs} ms CPU + ${setup.ioMs} ms I/O per request, ${setting.split(",")[0]}), ` +
    `the blocking thread computes for ${formatNumber(used(blockingLine), 0)} ms ` +
    `(${formatPercent(used(blockingLine) / window)}) and sits idle through every wait; the non-blocking thread ` +
    `computes for ${formatNumber(used(loopLine), 0)} ms (${formatPercent(used(loopLine) / window)}), serving other requests meanwhile.`;
  const sweepSummary =
    `With ${setting}, the blocking thread completes ${formatNumber(first.blocking.throughput, 1)} requests/s ` +
    `with no I/O and ${formatNumber(last.blocking.throughput, 1)} /s at ${last.ioMs} ms of I/O, falling as 1 / (CPU + I/O). ` +
    (setup.clients > 1
      ? `The non-blocking thread keeps its core busy until the wait passes (N − 1) × CPU = ${saturatedUpTo} ms, `
      : "With one request in flight there is nothing to overlap, so the non-blocking thread does no better; ") +
    `completing ${formatNumber(first.nonBlocking.throughput, 1)} /s with no I/O and ${formatNumber(last.nonBlocking.throughput, 1)} /s at ${last.ioMs} ms.`;

  return {
    chart: {
      title: `What the thread does: CPU time used in the first ${window} ms`,
      summary: timelineSummary,
      xLabel: "Time (ms)",
      yLabel: "CPU time used so far (ms)",
      series: timeline.map((line) => ({
        name: MODES[line.mode]!.label,
        style: "line" as const,
        emphasis: line.mode === mode,
        points: line.points.map((p): [number, number] => [p.ms, p.cpuMs]),
      })),
    },
    table: {
      caption: `CPU time used and requests finished over the first ${window} ms, ${setting}, ${setup.ioMs} ms I/O`,
      columns: [
        "Time",
        "Blocking: CPU used",
        "Blocking: finished",
        "Non-blocking: CPU used",
        "Non-blocking: finished",
      ],
      rows: instants.map((ms, i) => [
        `${formatNumber(ms, 0)} ms`,
        `${formatNumber(blockingLine!.points[i]!.cpuMs, 0)} ms`,
        String(blockingLine!.points[i]!.completed),
        `${formatNumber(loopLine!.points[i]!.cpuMs, 0)} ms`,
        String(loopLine!.points[i]!.completed),
      ]),
    },
    extraFigures: [
      {
        chart: {
          title: `Throughput as the I/O wait grows, ${setting}`,
          summary: sweepSummary,
          xLabel: "I/O wait per request (ms)",
          yLabel: "Completed (requests/s)",
          series: [
            {
              name: "Blocking: 1 / (CPU + I/O)",
              style: "line",
              emphasis: mode === "blocking",
              points: sweep.map((r): [number, number] => [r.ioMs, r.bound.blocking]),
            },
            {
              name: "Non-blocking: min(1 / CPU, N / (CPU + I/O))",
              style: "line",
              emphasis: mode !== "blocking",
              points: sweep.map((r): [number, number] => [r.ioMs, r.bound.nonBlocking]),
            },
            {
              name: "Blocking, simulated",
              style: "points",
              points: sweep.map((r): [number, number] => [r.ioMs, r.blocking.throughput]),
            },
            {
              name: "Non-blocking, simulated",
              style: "points",
              points: sweep.map((r): [number, number] => [r.ioMs, r.nonBlocking.throughput]),
            },
            { name: "This run", style: "points", points: [[setup.ioMs, result.throughput]] },
          ],
        },
        table: {
          caption: `Throughput and CPU utilisation by I/O wait, ${setting}`,
          columns: [
            "I/O wait",
            "Blocking (/s)",
            "Blocking: CPU busy",
            "Non-blocking (/s)",
            "Non-blocking: CPU busy",
          ],
          rows: sweep.map((r) => [
            `${r.ioMs} ms`,
            formatNumber(r.blocking.throughput, 1),
            formatPercent(cpuBusy(r.blocking)),
            formatNumber(r.nonBlocking.throughput, 1),
            formatPercent(cpuBusy(r.nonBlocking)),
          ]),
        },
      },
    ],
    numbers: [
      {
        id: "throughput",
        label: `${label}: completed`,
        value: result.throughput,
        text: `${formatNumber(result.throughput, 1)} /s`,
        field: "throughput",
      },
      {
        id: "bound",
        label: mode === "blocking" ? "Theory: 1 / (CPU + I/O)" : "Theory: min(1 / CPU, N / (CPU + I/O))",
        value: bound,
        text: `${formatNumber(bound, 1)} /s`,
      },
      {
        id: "cpu-busy",
        label: `${label}: core busy`,
        value: cpuBusy(result),
        text: formatPercent(cpuBusy(result), 1),
        field: "components.web.cpu.useful",
      },
      {
        id: "p99-latency",
        label: "p99 latency",
        value: result.latency.p99,
        text: formatDuration(result.latency.p99),
        field: "latency.p99",
      },
      {
        id: "other-throughput",
        label: `${MODES[other]!.label}, same requests: completed`,
        value: otherResult.throughput,
        text: `${formatNumber(otherResult.throughput, 1)} /s`,
      },
    ],
    scenario: focus,
  };
}

export const blockingIo: WidgetModel = {
  name: "blocking-io",
  defaults: { mode: "blocking", io: 50, cpu: 50, clients: example.workload.clients.users },
  compute,
};
