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

/** The measured part's length in seconds: where the series' last bucket ends. */
function runSeconds(result: Result): number {
  const { time, bucketWidth } = result.series;
  return time[time.length - 1]! + bucketWidth;
}

/**
 * Per-second rates as one figure per whole second of the run: second k, [k, k + 1), gets the mean
 * of the series' rates over it, each bucket weighted by how much of the second it covers. The
 * widget's figures are per second (the busiest second, seconds until goodput is back) whatever
 * width the run's buckets have: half a second for this 60 s run, two buckets to a second.
 */
function perSecond(result: Result, rates: readonly number[]): number[] {
  const { time, bucketWidth } = result.series;
  const end = runSeconds(result);
  const seconds: number[] = [];
  for (let k = 0; k < Math.ceil(end - 1e-9); k++) {
    let sum = 0;
    let covered = 0;
    time.forEach((t, i) => {
      const overlap = Math.min(k + 1, t + bucketWidth, end) - Math.max(k, t);
      if (overlap > 0) {
        sum += rates[i]! * overlap;
        covered += overlap;
      }
    });
    seconds.push(covered > 0 ? sum / covered : 0);
  }
  return seconds;
}

/** Attempts at the servers in each second of the run. */
export function attemptsPerSecond(result: Result): number[] {
  return perSecond(result, result.series.attempts ?? result.series.throughput.map(() => 0));
}

/** Requests answered in time in each second of the run. */
export function goodputPerSecond(result: Result): number[] {
  return perSecond(result, result.series.throughput);
}

/** The busiest second's attempts once the crowd has gone: its retries, and the storm's. */
export function peakAttempts(result: Result): number {
  let peak = 0;
  attemptsPerSecond(result).forEach((attempts, k) => {
    if (k >= CROWD_END && attempts > peak) peak = attempts;
  });
  return peak;
}

/**
 * Seconds from the crowd's end until goodput is back: the first second from which the completions
 * of the next RECOVERY_SPAN seconds average at least RECOVERED_SHARE of the clients' rate.
 * Infinity when that never happens before the run ends.
 */
export function recoverySeconds(result: Result): number {
  const goodput = goodputPerSecond(result);
  for (let k = Math.ceil(CROWD_END); k + RECOVERY_SPAN <= goodput.length; k++) {
    let sum = 0;
    for (let j = k; j < k + RECOVERY_SPAN; j++) sum += goodput[j]!;
    if (sum / RECOVERY_SPAN >= RECOVERED_SHARE * RATE) return k - CROWD_END;
  }
  return Number.POSITIVE_INFINITY;
}

/** Requests answered in time per second over the last ten seconds of the run. */
export function goodputAtEnd(result: Result): number {
  const last = goodputPerSecond(result).slice(-10);
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
  // Charts and tables go second by second, as the figures do.
  const time = attemptsPerSecond(result).map((_, k) => k);
  const runLeft = runSeconds(result) - CROWD_END;
  const timeline = (values: number[]) => time.map((t, i): [number, number] => [t, values[i]!]);
  const goodputs = MODES.map((m) => goodputPerSecond(byMode(m)));
  const attempts = MODES.map((m) => attemptsPerSecond(byMode(m)));
  const cls = result.requests.byClass.r!;
  const recovery = recoverySeconds(result);
  const peak = peakAttempts(result);
  const failed = result.requests.failed.timeout;
  const recoveryOf = (m: RetryMode) => recoveryPhrase(byMode(m), runLeft);

  const attemptsSummary =
    `A ${crowd}× crowd for one second at ${CROWD_START} s, against a capacity of ${formatNumber(CAPACITY, 0)} per second. ` +
    `Once it has gone, ${WHEN[mode]}, the servers' busiest second has ${formatNumber(peak, 0)} attempts, ` +
    `${formatNumber(cls.amplification, 2)} per request sent over the run, and in the run's last second they still get ` +
    `${formatNumber(attempts[MODES.indexOf(mode)]!.at(-1)!, 0)}. Goodput returns ${recoveryOf("off")} without retries, ` +
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
        points: timeline(goodputs[MODES.indexOf(m)]!),
      })),
    },
    table: {
      caption: "Requests answered in time in each second, by how clients retry",
      columns: ["Time", ...MODES.map((m) => LABELS[m])],
      rows: time.map((t, i) => [`${t} s`, ...MODES.map((_, j) => formatNumber(goodputs[j]![i]!, 0))]),
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
          points: timeline(attempts[MODES.indexOf(m)]!),
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
      caption: "Attempts at the servers in each second, by how clients retry",
      columns: ["Time", "Clients send", ...MODES.map((m) => LABELS[m])],
      rows: time.map((t, i) => [
        `${t} s`,
        formatNumber(sending(t, crowd), 0),
        ...MODES.map((_, j) => formatNumber(attempts[j]![i]!, 0)),
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
