// Overload: what happens to requests a server cannot take. A thread pool's full queue answers 503;
// prefork workers leave connections in the kernel's accept queue, which, when full, drops handshakes
// (clients retransmit the SYN every second at first, as Linux 6.5 and later do, and time out) or, with
// onOverflow "reset", answers RST.
import example from "../../../../examples/docs/overload.json";
import { formatDuration, formatNumber } from "./number-format";
import { cachedSimulate } from "./run-cache";
import type { Params, WidgetModel, WidgetView } from "./view";

type Scenario = typeof example;

export const OFFERED = [100, 150, 200, 300, 400, 600];

export const FRONTS: Record<string, string> = {
  prefork: "Prefork (8 workers)",
  "thread-pool": "Thread pool (8 threads)",
};

interface Setup {
  front: string;
  poolQueue: number;
  backlog: number;
  onOverflow: string;
  timeout: string;
}

interface AcceptQueue {
  peak: number;
  drops: number;
  resets: number;
}

function scenarioAt(setup: Setup, rate: number): Scenario {
  const scenario = structuredClone(example);
  const { front, poolQueue, backlog, onOverflow, timeout } = setup;
  const server = front === "prefork" ? FRONTS.prefork : `Thread pool (8 threads, queue ${poolQueue})`;
  const overflow = onOverflow === "drop" ? "drops" : "resets";
  scenario.name = `${server} at ${rate} requests/s, accept queue ${backlog}, full queue ${overflow}, client timeout ${timeout}`;
  scenario.workload.arrival.rate = rate;
  scenario.workload.requests[0]!.timeout = timeout;
  scenario.components.web.acceptBacklog = backlog;
  scenario.components.web.onOverflow = onOverflow;
  (scenario.components.web as { architecture: unknown }).architecture =
    front === "prefork"
      ? { kind: "prefork", workers: 8 }
      : { kind: "thread-pool", threads: 8, queue: poolQueue };
  return scenario;
}

function acceptQueue(result: ReturnType<typeof cachedSimulate>): AcceptQueue {
  return (result.components.web as unknown as { acceptQueue: AcceptQueue }).acceptQueue;
}

function compute(params: Params): WidgetView {
  const setup: Setup = {
    front: String(params.front),
    poolQueue: Number(params.poolQueue),
    backlog: Number(params.backlog),
    onOverflow: String(params.onOverflow),
    timeout: String(params.timeout),
  };
  const rate = Number(params.rate);
  const rows = OFFERED.map((offered) => ({ offered, result: cachedSimulate(scenarioAt(setup, offered)) }));
  const focus = scenarioAt(setup, rate);
  const result = cachedSimulate(focus);
  const accept = acceptQueue(result);
  const share = (r: (typeof rows)[0], n: number) => (100 * n) / Math.max(r.result.requests.arrived, 1);

  const arrived = Math.max(result.requests.arrived, 1);
  const pct = (n: number) => `${formatNumber((100 * n) / arrived, 0)} %`;
  const failed = result.requests.failed;
  const summary =
    `At ${rate} requests/s offered, ${pct(result.requests.completed)} of requests complete, ` +
    `${pct(failed.rejected)} get a 503, ${pct(failed.reset)} are reset and ${pct(failed.timeout)} time out; ` +
    `completions level off at about ${formatNumber(Math.max(...rows.map((r) => r.result.throughput)), 0)} /s.`;

  return {
    chart: {
      title: `Outcome of each request, ${setup.front === "prefork" ? "prefork" : "thread pool"}`,
      summary,
      xLabel: "Offered load (requests/s)",
      yLabel: "Share of requests (%)",
      series: [
        {
          name: "Completed",
          style: "line",
          points: rows.map((r) => [r.offered, share(r, r.result.requests.completed)]),
        },
        {
          name: "503",
          style: "line",
          points: rows.map((r) => [r.offered, share(r, r.result.requests.failed.rejected)]),
        },
        {
          name: "Reset",
          style: "line",
          points: rows.map((r) => [r.offered, share(r, r.result.requests.failed.reset)]),
        },
        {
          name: "Timed out",
          style: "line",
          points: rows.map((r) => [r.offered, share(r, r.result.requests.failed.timeout)]),
        },
        {
          name: "This run",
          style: "points",
          points: [[rate, (100 * result.requests.completed) / Math.max(result.requests.arrived, 1)]],
        },
      ],
    },
    table: {
      caption: `Outcomes by offered load: ${focus.name.replace(/ at \d+ requests\/s/, "")}`,
      columns: ["Offered (/s)", "Completed (/s)", "503", "Reset", "Timed out", "p99", "Accept queue peak"],
      rows: rows.map((r) => [
        String(r.offered),
        formatNumber(r.result.throughput, 0),
        String(r.result.requests.failed.rejected),
        String(r.result.requests.failed.reset),
        String(r.result.requests.failed.timeout),
        formatDuration(r.result.latency.p99),
        String(acceptQueue(r.result).peak),
      ]),
    },
    numbers: [
      {
        id: "throughput",
        label: "Completed",
        value: result.throughput,
        text: `${formatNumber(result.throughput, 0)} /s`,
        field: "throughput",
      },
      {
        id: "rejected",
        label: "Rejected (503)",
        value: result.requests.failed.rejected,
        text: String(result.requests.failed.rejected),
        field: "requests.failed.rejected",
      },
      {
        id: "reset",
        label: "Reset (RST)",
        value: result.requests.failed.reset,
        text: String(result.requests.failed.reset),
        field: "requests.failed.reset",
      },
      {
        id: "timeout",
        label: "Timed out",
        value: result.requests.failed.timeout,
        text: String(result.requests.failed.timeout),
        field: "requests.failed.timeout",
      },
      {
        id: "p99-latency",
        label: "p99 latency (completed)",
        value: result.latency.p99,
        text: formatDuration(result.latency.p99),
        field: "latency.p99",
      },
      // Every retransmitted SYN that finds the queue still full is dropped again, so this can exceed arrivals.
      {
        id: "dropped",
        label: "Handshakes dropped (retries count)",
        value: accept.drops,
        text: formatNumber(accept.drops, 0),
        field: "components.web.acceptQueue.drops",
      },
    ],
    scenario: focus,
  };
}

export const overload: WidgetModel = {
  name: "overload",
  defaults: {
    front: "prefork",
    poolQueue: 16,
    backlog: example.components.web.acceptBacklog,
    onOverflow: example.components.web.onOverflow,
    timeout: example.workload.requests[0]!.timeout,
    rate: example.workload.arrival.rate,
  },
  compute,
};
