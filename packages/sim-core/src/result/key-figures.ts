/**
 * The key figures of a result, named by their dotted path in it ("latency.p99",
 * "components.db.utilization"): what replications estimate with intervals, what a precision
 * target may name, and what a paired comparison differences.
 */
import type { Result } from "./model";

/** The figures of the result's top level that replications and comparisons estimate. */
export const HEADLINE_FIGURES = [
  "latency.mean",
  "latency.p50",
  "latency.p90",
  "latency.p99",
  "wait.mean",
  "wait.p99",
  "throughput",
  "inSystem.mean",
] as const;

/** A precision metric: a headline figure, or a component's utilisation. */
export const KEY_FIGURE_PATTERN = new RegExp(
  `^(${HEADLINE_FIGURES.map((name) => name.replace(".", "\\.")).join("|")}|components\\.[^.]+\\.utilization)$`,
);

/** The component a metric names ("components.db.utilization" → "db"), or undefined. */
export function metricComponent(metric: string): string | undefined {
  return /^components\.([^.]+)\.utilization$/.exec(metric)?.[1];
}

/** Every key figure of `result` (headline figures, then each component's utilisation), by name. */
export function keyFigures(result: Result): Map<string, number> {
  const figures = new Map<string, number>([
    ["latency.mean", result.latency.mean],
    ["latency.p50", result.latency.p50],
    ["latency.p90", result.latency.p90],
    ["latency.p99", result.latency.p99],
    ["wait.mean", result.wait.mean],
    ["wait.p99", result.wait.p99],
    ["throughput", result.throughput],
    ["inSystem.mean", result.inSystem.mean],
  ]);
  for (const [name, stats] of Object.entries(result.components)) {
    const utilization = (stats as { utilization?: unknown }).utilization;
    if (typeof utilization === "number") figures.set(`components.${name}.utilization`, utilization);
  }
  return figures;
}
