/** Latency percentiles and failure counts of a set of open-loop outcomes (nearest-rank percentiles). */
import type { Outcome } from "./open-loop-client";

export interface LatencyFigures {
  sent: number;
  completed: number;
  /** Failures by kind (client timeout, reset, refused, …). */
  failed: Record<string, number>;
  /** Failed / sent. */
  failureFraction: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** The q-quantile of ascending `sorted` by nearest rank: the smallest value with at least q of the sample at or below it. */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function latencyFigures(outcomes: Outcome[]): LatencyFigures {
  const latencies = outcomes
    .filter((o) => o.latency !== null)
    .map((o) => o.latency!)
    .sort((a, b) => a - b);
  const failed: Record<string, number> = {};
  for (const o of outcomes) if (o.failure !== null) failed[o.failure] = (failed[o.failure] ?? 0) + 1;
  const failures = outcomes.length - latencies.length;
  return {
    sent: outcomes.length,
    completed: latencies.length,
    failed,
    failureFraction: outcomes.length > 0 ? failures / outcomes.length : 0,
    mean: latencies.length > 0 ? latencies.reduce((a, b) => a + b, 0) / latencies.length : Number.NaN,
    p50: quantile(latencies, 0.5),
    p90: quantile(latencies, 0.9),
    p99: quantile(latencies, 0.99),
    max: latencies.at(-1) ?? Number.NaN,
  };
}
