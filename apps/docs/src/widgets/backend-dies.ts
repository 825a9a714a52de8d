// A backend dies at t = 61 s: how many requests fail before the balancer stops sending to it, under
// active health checks of each interval and fall count, under passive ejection, and with no checks.
import example from "../../../../examples/balancing/backend-dies.json";
import passive from "../../../../examples/balancing/passive-ejection.json";
import { formatNumber, formatPercent } from "./number-format";
import { cachedSimulate } from "./run-cache";
import type { Params, WidgetModel, WidgetView } from "./view";

/** Check intervals (s): none divides 61, so the first check after the death is unambiguous. */
export const INTERVALS = [2, 3, 5, 10];
export const FALLS = [1, 2, 3, 5];

const OUTAGE = example.components.s0.outages[0]!;
const DIES_AT = Number.parseFloat(OUTAGE.at);
const DOWN_FOR = Number.parseFloat(OUTAGE.for);
const RATE = example.workload.arrival.rate;
const SHARE = 1 / example.components.lb.backends.length;

/**
 * Seconds from the death until the balancer marks s0 down. s0 is the first backend, so HAProxy's
 * spread puts its checks at whole multiples of the interval: the first failing check is the first
 * multiple after the death, and `fall − 1` more intervals follow.
 */
export function detectionTime(interval: number, fall: number): number {
  return Math.ceil(DIES_AT / interval) * interval + (fall - 1) * interval - DIES_AT;
}

/** Round robin keeps giving the dead backend its share until then: rate × share × detection time. */
export function expectedFailures(interval: number, fall: number): number {
  return RATE * SHARE * detectionTime(interval, fall);
}

function withChecks(interval: number, fall: number): unknown {
  const scenario: typeof example = structuredClone(example);
  scenario.components.lb.healthCheck = { interval: `${interval}s`, fall, rise: 2 };
  scenario.name = `A backend dies behind health checks every ${interval} s, fall ${fall}`;
  return scenario;
}

function withoutChecks(): unknown {
  const scenario: Partial<typeof example> = structuredClone(example);
  const lb: Partial<typeof example.components.lb> = scenario.components!.lb;
  delete lb.healthCheck;
  scenario.name = "A backend dies behind a balancer with no health checks";
  return scenario;
}

const failed = (r: ReturnType<typeof cachedSimulate>) => r.requests.failed.reset + r.requests.failed.timeout;

function compute(params: Params): WidgetView {
  const interval = Number(params.interval);
  const fall = Number(params.fall);
  const sweep = FALLS.map((f) => ({
    fall: f,
    results: INTERVALS.map((i) => cachedSimulate(withChecks(i, f))),
  }));
  const focus = withChecks(interval, fall);
  const result = cachedSimulate(focus);
  const none = cachedSimulate(withoutChecks());
  const ejection = cachedSimulate(passive);
  const lost = failed(result);
  const detection = detectionTime(interval, fall);
  const timeline = (r: typeof result): [number, number][] =>
    r.series.throughput.map((v, i): [number, number] => [r.series.time[i]!, v]);
  const summary =
    `Checks every ${interval} s with fall ${fall} mark the dead backend down ${detection} s after it dies; ` +
    `until then it gets a quarter of the traffic and ${formatNumber(lost, 0)} requests fail ` +
    `(theory ${formatNumber(expectedFailures(interval, fall), 0)}). Without checks ${formatNumber(failed(none), 0)} fail, ` +
    `with passive ejection ${formatNumber(failed(ejection), 0)}.`;
  return {
    chart: {
      title: "Failed requests vs health-check interval, by fall count",
      summary,
      xLabel: "Health-check interval (s)",
      yLabel: "Failed requests",
      series: [
        ...sweep.map((s) => ({
          name: `fall ${s.fall}`,
          style: "line" as const,
          emphasis: s.fall === fall,
          points: s.results.map((r, i): [number, number] => [INTERVALS[i]!, failed(r)]),
        })),
        {
          name: "No health checks",
          style: "line",
          points: INTERVALS.map((i): [number, number] => [i, failed(none)]),
        },
        {
          name: "Passive ejection",
          style: "line",
          points: INTERVALS.map((i): [number, number] => [i, failed(ejection)]),
        },
        { name: "This run", style: "points", points: [[interval, lost]] },
      ],
    },
    table: {
      caption: `Failed requests when one of four backends dies for ${DOWN_FOR} s, by check interval and fall (theory in brackets)`,
      columns: ["Interval", ...FALLS.map((f) => `fall ${f}`)],
      rows: INTERVALS.map((i, row) => [
        `${i} s`,
        ...sweep.map(
          (s) =>
            `${formatNumber(failed(s.results[row]!), 0)} (${formatNumber(expectedFailures(i, s.fall), 0)})`,
        ),
      ]),
    },
    extraFigures: [
      {
        chart: {
          title: "Requests completed per second over time",
          summary:
            `The backend dies at ${DIES_AT} s. With checks every ${interval} s and fall ${fall} throughput dips by a quarter ` +
            `for ${detection} s, then recovers on three backends; with no checks it stays a quarter down until the backend returns at ` +
            `${DIES_AT + DOWN_FOR} s; passive ejection barely dips.`,
          xLabel: "Time (s)",
          yLabel: "Completed per second",
          series: [
            { name: "This run", style: "line", emphasis: true, points: timeline(result) },
            { name: "No health checks", style: "line", points: timeline(none) },
            { name: "Passive ejection", style: "line", points: timeline(ejection) },
          ],
        },
        table: {
          caption: `Requests completed per second in each ${result.series.bucketWidth} s bucket`,
          columns: ["Time", "This run", "No health checks", "Passive ejection"],
          rows: result.series.time.map((t, i) => [
            `${t} s`,
            formatNumber(result.series.throughput[i]!, 0),
            formatNumber(none.series.throughput[i]!, 0),
            formatNumber(ejection.series.throughput[i]!, 0),
          ]),
        },
      },
    ],
    numbers: [
      {
        id: "failed",
        label: "Failed requests (connection refused)",
        value: result.requests.failed.reset,
        text: formatNumber(result.requests.failed.reset, 0),
        field: "requests.failed.reset",
      },
      {
        id: "error-fraction",
        label: "Share of requests that failed",
        value: lost / result.requests.arrived,
        text: formatPercent(lost / result.requests.arrived, 2),
      },
      {
        id: "detection-time",
        label: "Time to mark the backend down",
        value: detection,
        text: `${detection} s`,
      },
      {
        id: "failed-without-checks",
        label: "Failed with no health checks",
        value: failed(none),
        text: formatNumber(failed(none), 0),
      },
      {
        id: "failed-passive",
        label: "Failed with passive ejection",
        value: failed(ejection),
        text: formatNumber(failed(ejection), 0),
      },
    ],
    scenario: focus,
  };
}

export const backendDies: WidgetModel = {
  name: "backend-dies",
  defaults: { interval: 2, fall: example.components.lb.healthCheck.fall },
  compute,
};
