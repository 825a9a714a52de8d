// A retry storm: a service at 80% load meets a one-second flash crowd. Without retries it drains its
// queue and recovers; with retries (and no budget) the timed-out attempts come back and keep it
// overloaded long after the crowd has gone, with or without jitter; a retry budget lets it recover.

import type { Result } from "@syslab/sim-core";
import example from "../../../../examples/balancing/retry-storm.json";
import { formatNumber } from "./number-format";
import { cachedSimulate } from "./run-cache";
import type { Params, WidgetFigure, WidgetModel, WidgetView } from "./view";

/** How the clients retry: not at all, with no jitter, with full jitter, with full jitter and a budget. */
export const MODES = ["off", "no-jitter", "full-jitter", "budget"] as const;
export type RetryMode = (typeof MODES)[number];
/** The flash crowd's multiplier on the rate, for its one second. */
export const CROWDS = [2, 3, 5, 8];
/** The retry budget of the "budget" mode: retries at most this fraction of the requests sent. */
export const BUDGET = 0.1;

const CROWD = example.workload.arrival.flashCrowds[0]!;
const WARMUP = Number.parseFloat(example.run.warmup);
/** When the crowd comes and goes, in the measured part's time (the series' clock). */
export const CROWD_START = Number.parseFloat(CROWD.at) - WARMUP;
export const CROWD_END = CROWD_START + Number.parseFloat(CROWD.for);
export const RATE = example.workload.arrival.rate;
// The example writes its mean service time in milliseconds ("100ms").
const SERVICE = Number.parseFloat(example.workload.requests[0]!.steps[0]!.service.exp) / 1000;
/** Requests per second the servers can finish: servers ÷ mean service time. */
export const CAPACITY = example.components.api.servers / SERVICE;
/** Goodput counts as back once it averages this share of the clients' rate over RECOVERY_SPAN seconds. */
const RECOVERED_SHARE = 0.75;
const RECOVERY_SPAN = 5;

const LABELS: Record<RetryMode, string> = {
  off: "No retries",
  "no-jitter": "Retries, no jitter",
  "full-jitter": "Retries, full jitter",
  budget: `Full jitter, ${Math.round(BUDGET * 100)}% budget`,
};
const WHEN: Record<RetryMode, string> = {
  off: "when clients do not retry",
  "no-jitter": "when clients retry without jitter",
  "full-jitter": "when clients retry with full jitter",
  budget: `when clients retry with full jitter under a ${Math.round(BUDGET * 100)}% budget`,
};

export function scenarioFor(mode: RetryMode, crowd: number): unknown {
  const scenario: typeof example = structuredClone(example);
  scenario.workload.arrival.flashCrowds[0]!.factor = crowd;
  const retry: Partial<(typeof example.workload.requests)[0]["retry"]> & { budget?: number } =
    scenario.workload.requests[0]!.retry;
  // One attempt sends once and never retries; the client still reports its attempts over time.
  if (mode === "off") retry.attempts = 1;
  if (mode === "no-jitter") retry.backoff!.jitter = "none";
  if (mode === "budget") retry.budget = BUDGET;
  if (mode !== "full-jitter" || crowd !== CROWD.factor)
    scenario.name = `A ${crowd}× flash crowd for one second, ${LABELS[mode].toLowerCase()}`;
  return scenario;
}

/** Attempts per second at the servers in each bucket of the run's series. */
export function attemptsSeries(result: Result): number[] {
  return result.series.attempts ?? result.series.throughput.map(() => 0);
}

/** The busiest bucket's attempts per second once the crowd has gone: its retries, and the storm's. */
export function peakAttempts(result: Result): number {
  const attempts = attemptsSeries(result);
  let peak = 0;
  result.series.time.forEach((t, i) => {
    if (t >= CROWD_END && attempts[i]! > peak) peak = attempts[i]!;
  });
  return peak;
}

/**
 * Seconds from the crowd's end until goodput is back: the first bucket from which the completions
 * of the next RECOVERY_SPAN seconds average at least RECOVERED_SHARE of the clients' rate.
 * Infinity when that never happens before the run ends.
 */
export function recoverySeconds(result: Result): number {
  const { time, throughput, bucketWidth } = result.series;
  const span = Math.max(1, Math.round(RECOVERY_SPAN / bucketWidth));
  for (let i = 0; i + span <= time.length; i++) {
    if (time[i]! < CROWD_END) continue;
    let sum = 0;
    for (let j = i; j < i + span; j++) sum += throughput[j]!;
    if (sum / span >= RECOVERED_SHARE * RATE) return time[i]! - CROWD_END;
  }
  return Number.POSITIVE_INFINITY;
}

/** Requests answered in time per second over the last ten seconds of the run. */
export function goodputAtEnd(result: Result): number {
  const { time, throughput } = result.series;
  const end = time[time.length - 1]! + result.series.bucketWidth;
  const last = throughput.filter((_, i) => time[i]! >= end - 10);
  return last.reduce((a, b) => a + b, 0) / last.length;
}

/** What the clients send per second at time t (the series' clock): the rate, × crowd during it. */
function sending(t: number, crowd: number): number {
  return t >= CROWD_START && t < CROWD_END ? RATE * crowd : RATE;
}

const recoveryText = (seconds: number, runLeft: number) =>
  Number.isFinite(seconds)
    ? `${formatNumber(seconds, 0)} s`
    : `not within the ${formatNumber(runLeft, 0)} s left`;
const recoveryPhrase = (result: Result, runLeft: number) => {
  const seconds = recoverySeconds(result);
  return Number.isFinite(seconds) ? `after ${formatNumber(seconds, 0)} s` : recoveryText(seconds, runLeft);
};

function compute(params: Params): WidgetView {
  const mode = String(params.retries) as RetryMode;
  const crowd = Number(params.crowd);
  const results = MODES.map((m) => cachedSimulate(scenarioFor(m, crowd)));
  const byMode = (m: RetryMode) => results[MODES.indexOf(m)]!;
  const result = byMode(mode);
  const { time, bucketWidth } = result.series;
  const runLeft = time[time.length - 1]! + bucketWidth - CROWD_END;
  const timeline = (values: number[]) => time.map((t, i): [number, number] => [t, values[i]!]);
  const cls = result.requests.byClass.r!;
  const recovery = recoverySeconds(result);
  const peak = peakAttempts(result);
  const failed = result.requests.failed.timeout;
  const recoveryOf = (m: RetryMode) => recoveryPhrase(byMode(m), runLeft);

  const attemptsSummary =
    `A ${crowd}× crowd for one second at ${CROWD_START} s, against a capacity of ${formatNumber(CAPACITY, 0)} per second. ` +
    `Once it has gone, ${WHEN[mode]}, the servers' busiest second has ${formatNumber(peak, 0)} attempts, ` +
    `${formatNumber(cls.amplification, 2)} per request sent over the run, and in the run's last second they still get ` +
    `${formatNumber(attemptsSeries(result).at(-1)!, 0)}. Goodput returns ${recoveryOf("off")} without retries, ` +
    `${recoveryOf("no-jitter")} without jitter, ${recoveryOf("full-jitter")} with full jitter and ${recoveryOf("budget")} with a budget.`;
  const goodputSummary =
    `Requests answered within the 1 s timeout, per second. ${WHEN[mode][0]!.toUpperCase()}${WHEN[mode].slice(1)}, goodput is back ` +
    `${Number.isFinite(recovery) ? `${formatNumber(recovery, 0)} s after the crowd` : "at no point after the crowd"}` +
    ` and over the last 10 s averages ${formatNumber(goodputAtEnd(result), 0)} per second of the ${RATE} sent.`;

  const goodput: WidgetFigure = {
    chart: {
      title: "Goodput: requests answered in time per second",
      summary: goodputSummary,
      xLabel: "Time (s)",
      yLabel: "Answered in time per second",
      series: MODES.map((m) => ({
        name: LABELS[m],
        style: "line" as const,
        emphasis: m === mode,
        points: timeline(byMode(m).series.throughput),
      })),
    },
    table: {
      caption: `Requests answered in time per second, in each ${bucketWidth} s bucket, by how clients retry`,
      columns: ["Time", ...MODES.map((m) => LABELS[m])],
      rows: time.map((t, i) => [
        `${t} s`,
        ...MODES.map((m) => formatNumber(byMode(m).series.throughput[i]!, 0)),
      ]),
    },
  };
  return {
    chart: {
      title: "Attempts per second at the servers, by how clients retry",
      summary: attemptsSummary,
      xLabel: "Time (s)",
      yLabel: "Attempts per second",
      series: [
        ...MODES.map((m) => ({
          name: LABELS[m],
          style: "line" as const,
          emphasis: m === mode,
          points: timeline(attemptsSeries(byMode(m))),
        })),
        {
          name: "Clients send",
          style: "line",
          points: time.map((t): [number, number] => [t, sending(t, crowd)]),
        },
        { name: "Capacity", style: "line", points: time.map((t): [number, number] => [t, CAPACITY]) },
      ],
    },
    table: {
      caption: `Attempts per second at the servers, in each ${bucketWidth} s bucket, by how clients retry`,
      columns: ["Time", "Clients send", ...MODES.map((m) => LABELS[m])],
      rows: time.map((t, i) => [
        `${t} s`,
        formatNumber(sending(t, crowd), 0),
        ...MODES.map((m) => formatNumber(attemptsSeries(byMode(m))[i]!, 0)),
      ]),
    },
    extraFigures: [goodput],
    numbers: [
      {
        id: "peak-attempts",
        label: "Busiest second at the servers after the crowd",
        value: peak,
        text: `${formatNumber(peak, 0)} /s`,
      },
      {
        id: "amplification",
        label: "Attempts per request sent",
        value: cls.amplification,
        text: formatNumber(cls.amplification, 2),
        field: "requests.byClass.r.amplification",
      },
      {
        id: "recovery",
        label: "Goodput back after the crowd",
        value: recovery,
        text: recoveryText(recovery, runLeft),
      },
      {
        id: "goodput-end",
        label: "Goodput over the last 10 s",
        value: goodputAtEnd(result),
        text: `${formatNumber(goodputAtEnd(result), 0)} /s`,
      },
      {
        id: "failed",
        label: "Requests that timed out in the end",
        value: failed,
        text: formatNumber(failed, 0),
        field: "requests.failed.timeout",
      },
    ],
    scenario: scenarioFor(mode, crowd),
  };
}

export const retryStorm: WidgetModel = {
  name: "retry-storm",
  defaults: { retries: "full-jitter", crowd: CROWD.factor },
  compute,
};
