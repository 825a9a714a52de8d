// Waiting for a background job: the client polls every P, long-polls with a 20 s hold, or is pushed the
// result. As more clients wait, polling's load on the API grows as N/P while its delay stays near P/2;
// long polling and push tell the client at once for a fraction of the requests.
import example from "../../../../examples/docs/waiting-for-jobs.json";
import { formatDuration, formatNumber, formatPercent } from "./number-format";
import { cachedSimulate } from "./run-cache";
import type { Params, WidgetModel, WidgetView } from "./view";

export const CLIENTS = [25, 50, 100, 200, 400];
export const INTERVALS = [0.5, 1, 2, 5, 10];
export const METHODS = ["poll", "long-poll", "push"] as const;
const METHOD_NAMES: Record<string, string> = {
  poll: "Polling",
  "long-poll": "Long polling (20 s)",
  push: "Push",
};
/** Mean job time, seconds: clients waiting at once ≈ arrival rate × this (Little's law). */
const JOB_TIME = 20;

interface BrokerFigures {
  notificationDelay: { mean: number; p99: number };
  pollRate: number;
  pollsPerTask: number;
}

/**
 * The default scenario with `clients` waiting on average (jobs published at clients / 20 s) who learn of
 * the result by `method`. Polls and long polls are requests to the API, a station of 4 servers taking
 * 5 ms a request; a long poll holds a place there only while the API serves it, then waits at the broker.
 */
function scenarioAt(method: string, clients: number, interval: number): unknown {
  const scenario = structuredClone(example);
  scenario.workload.arrival.rate = clients / JOB_TIME;
  const step: Record<string, unknown> = scenario.workload.requests[0]!.steps[0]!;
  const request = { call: "api", hold: { exp: "5ms" } };
  if (method === "poll") {
    step.wait = { by: "poll", interval: `${interval}s`, ...request };
    scenario.name = `${clients} clients waiting for 20 s jobs, polling every ${interval} s`;
  } else if (method === "long-poll") {
    step.wait = { by: "long-poll", timeout: "20s", ...request };
    scenario.name = `${clients} clients waiting for 20 s jobs, long polling (20 s hold)`;
  } else {
    step.wait = { by: "push", delay: "20ms" };
    scenario.name = `${clients} clients waiting for 20 s jobs, pushed the result (20 ms network delay)`;
  }
  return scenario;
}

const brokerOf = (result: ReturnType<typeof cachedSimulate>): BrokerFigures =>
  result.components.jobs as unknown as BrokerFigures;

function compute(params: Params): WidgetView {
  const method = String(params.method);
  const clients = Number(params.clients);
  const interval = Number(params.interval);
  const rows = CLIENTS.map((n) => ({
    clients: n,
    runs: METHODS.map((m) => brokerOf(cachedSimulate(scenarioAt(m, n, interval)))),
  }));
  const focus = scenarioAt(method, clients, interval);
  const result = cachedSimulate(focus);
  const jobs = brokerOf(result);
  const api = result.components.api!;
  const name = method === "poll" ? `Polling every ${interval} s` : METHOD_NAMES[method]!;
  const at = (m: number) => rows.find((r) => r.clients === clients)!.runs[m]!;
  const summary =
    `With ${clients} clients waiting, polling every ${interval} s tells a client ${formatDuration(at(0).notificationDelay.mean)} ` +
    `after its job is done on average and sends ${formatNumber(at(0).pollRate, 0)} requests/s to the API; long polling tells it ` +
    `after ${formatDuration(at(1).notificationDelay.mean)} with ${formatNumber(at(1).pollRate, 1)} requests/s, and push after the ` +
    `20 ms network delay with none. Polling's load grows with the clients (N/P), its delay stays near P/2.`;
  const series = (pick: (b: BrokerFigures) => number) =>
    METHODS.map((m, i) => ({
      name: m === "poll" ? `Polling every ${interval} s` : METHOD_NAMES[m]!,
      style: "line" as const,
      emphasis: m === method,
      points: rows.map((r): [number, number] => [r.clients, pick(r.runs[i]!)]),
    }));
  return {
    chart: {
      title: "Time from the job finishing to the client knowing",
      summary,
      xLabel: "Clients waiting",
      yLabel: "Mean notification delay (s)",
      series: [
        ...series((b) => b.notificationDelay.mean),
        { name: "This run", style: "points", points: [[clients, jobs.notificationDelay.mean]] },
      ],
    },
    table: {
      caption: `Notification delay and API requests per second by clients waiting (polling every ${interval} s)`,
      columns: [
        "Clients waiting",
        "Polling delay",
        "Polling requests/s",
        "Long polling delay",
        "Long polling requests/s",
        "Push delay",
      ],
      rows: rows.map((r) => [
        String(r.clients),
        formatDuration(r.runs[0]!.notificationDelay.mean),
        formatNumber(r.runs[0]!.pollRate, 1),
        formatDuration(r.runs[1]!.notificationDelay.mean),
        formatNumber(r.runs[1]!.pollRate, 1),
        formatDuration(r.runs[2]!.notificationDelay.mean),
      ]),
    },
    extraFigures: [
      {
        chart: {
          title: "Requests per second the waiting puts on the API",
          summary: `Polling every ${interval} s sends about clients / ${interval} requests per second; long polling about clients / 20 s plus one per job; push none.`,
          xLabel: "Clients waiting",
          yLabel: "API requests per second",
          series: series((b) => b.pollRate),
        },
        table: {
          caption: `API requests per second by clients waiting (polling every ${interval} s)`,
          columns: ["Clients waiting", ...METHODS.map((m) => METHOD_NAMES[m]!)],
          rows: rows.map((r) => [String(r.clients), ...r.runs.map((b) => formatNumber(b.pollRate, 1))]),
        },
      },
    ],
    numbers: [
      {
        id: "notification-delay",
        label: `${name}: mean notification delay`,
        value: jobs.notificationDelay.mean,
        text: formatDuration(jobs.notificationDelay.mean),
        field: "components.jobs.notificationDelay.mean",
      },
      {
        id: "api-requests",
        label: "API requests per second",
        value: jobs.pollRate,
        text: `${formatNumber(jobs.pollRate, 1)} /s`,
        field: "components.jobs.pollRate",
      },
      {
        id: "polls-per-job",
        label: "Requests per job",
        value: jobs.pollsPerTask,
        text: formatNumber(jobs.pollsPerTask, 1),
        field: "components.jobs.pollsPerTask",
      },
      {
        id: "api-busy",
        label: "API busy",
        value: api.utilization,
        text: formatPercent(api.utilization, 1),
        field: "components.api.utilization",
      },
      {
        id: "p99-latency",
        label: "p99 time from publish to knowing",
        value: result.latency.p99,
        text: formatDuration(result.latency.p99),
        field: "latency.p99",
      },
    ],
    scenario: focus,
  };
}

export const waitingForJobs: WidgetModel = {
  name: "waiting-for-jobs",
  defaults: { method: "poll", clients: 100, interval: 2 },
  compute,
};
