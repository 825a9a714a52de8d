// Overload: what happens to requests a server cannot take. A thread pool's full queue answers 503;
// prefork workers leave connections in the kernel's accept queue, which, when full, drops handshakes
// (clients retransmit after 1 s, 3 s, … and time out) or, with onOverflow "reset", answers RST.
import example from "../../../../examples/docs/overload.json";
import { formatDuration, formatNumber, formatPercent } from "./number-format";
import { cachedSimulate } from "./run-cache";
import type { Params, WidgetModel, WidgetView } from "./view";

type Scenario = typeof example;

export const OFFERED = [100, 150, 200, 300, 400, 600];

export const FRONTS: Record<string, { label: string; architecture: Record<string, unknown> }> = {
  prefork: { label: "Prefork (8 workers)", architecture: { kind: "prefork", workers: 8 } },
  "thread-pool": { label: "Thread pool (8 threads, queue 16)", architecture: { kind: "thread-pool", threads: 8, queue: 16 } },
};

function scenarioAt(front: string, onOverflow: string, timeout: string, rate: number): Scenario {
  const scenario = structuredClone(example);
  const entry = FRONTS[front]!;
  scenario.name = `${entry.label} at ${rate} requests/s, accept queue 32, full queue ${onOverflow === "drop" ? "drops" : "resets"}, client timeout ${timeout}`;
  scenario.workload.arrival.rate = rate;
  scenario.workload.requests[0]!.timeout = timeout;
  scenario.components.web.onOverflow = onOverflow;
  (scenario.components.web as { architecture: unknown }).architecture = structuredClone(entry.architecture);
  return scenario;
}

interface AcceptQueue {
  peak: number;
  drops: number;
  resets: number;
}

function compute(params: Params): WidgetView {
  const front = String(params.front);
  const onOverflow = String(params.onOverflow);
  const timeout = String(params.timeout);
  const rate = Number(params.rate);
  const rows = OFFERED.map((offered) => ({ offered, result: cachedSimulate(scenarioAt(front, onOverflow, timeout, offered)) }));
  const focus = scenarioAt(front, onOverflow, timeout, rate);
  const result = cachedSimulate(focus);
  const accept = (result.components.web as unknown as { acceptQueue: AcceptQueue }).acceptQueue;
  const share = (r: (typeof rows)[0], n: number) => (100 * n) / Math.max(r.result.requests.arrived, 1);

  return {
    chart: {
      title: `What happens to each request: ${FRONTS[front]!.label}, full accept queue ${onOverflow === "drop" ? "drops" : "resets"}`,
      xLabel: "Offered load (requests/s)",
      yLabel: "Share of requests (%)",
      series: [
        { name: "Completed", style: "line", points: rows.map((r) => [r.offered, share(r, r.result.requests.completed)]) },
        { name: "Rejected (503)", style: "line", points: rows.map((r) => [r.offered, share(r, r.result.requests.failed.rejected)]) },
        { name: "Reset (RST)", style: "line", points: rows.map((r) => [r.offered, share(r, r.result.requests.failed.reset)]) },
        { name: "Timed out", style: "line", points: rows.map((r) => [r.offered, share(r, r.result.requests.failed.timeout)]) },
      ],
    },
    table: {
      caption: `Outcomes by offered load: ${FRONTS[front]!.label}, onOverflow "${onOverflow}", timeout ${timeout}`,
      columns: ["Offered (/s)", "Completed (/s)", "503", "Reset", "Timed out", "p99", "Accept queue peak"],
      rows: rows.map((r) => [
        String(r.offered),
        formatNumber(r.result.throughput, 0),
        String(r.result.requests.failed.rejected),
        String(r.result.requests.failed.reset),
        String(r.result.requests.failed.timeout),
        formatDuration(r.result.latency.p99),
        String((r.result.components.web as unknown as { acceptQueue: AcceptQueue }).acceptQueue.peak),
      ]),
    },
    numbers: [
      { id: "throughput", label: "Completed", value: result.throughput, text: `${formatNumber(result.throughput, 0)} /s` },
      { id: "rejected", label: "Rejected (503)", value: result.requests.failed.rejected, text: String(result.requests.failed.rejected) },
      { id: "reset", label: "Reset (RST)", value: result.requests.failed.reset, text: String(result.requests.failed.reset) },
      { id: "timeout", label: "Timed out", value: result.requests.failed.timeout, text: String(result.requests.failed.timeout) },
      { id: "p99-latency", label: "p99 latency (completed)", value: result.latency.p99, text: formatDuration(result.latency.p99) },
      {
        id: "dropped",
        label: "Handshakes dropped",
        value: accept.drops,
        text: `${accept.drops} (${formatPercent(accept.drops / Math.max(result.requests.arrived, 1))} of arrivals)`,
      },
    ],
    scenario: focus,
  };
}

export const overload: WidgetModel = {
  name: "overload",
  defaults: {
    front: "prefork",
    onOverflow: example.components.web.onOverflow,
    timeout: example.workload.requests[0]!.timeout,
    rate: example.workload.arrival.rate,
  },
  compute,
};
