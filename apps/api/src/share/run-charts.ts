// The charts of a run: latency percentiles as bars and the measured period as time series; a
// comparison's draw both sides, a and b, with a legend naming each.

import { barChartSvg, escapeXml, groupedBarChartSvg, lineChartSvg } from "@syslab/charts";
import type { ComparisonResult, Result } from "@syslab/sim-core";
import type { RunRow } from "../db/run-store";
import { isComparisonResult } from "./shown-result";

export type ChartKind = "latency" | "series";

export function latencyChart(
  result: Result,
  width = 640,
  height = 320,
  title = "Latency percentiles",
): string {
  const l = result.latency;
  return barChartSvg({
    title,
    yLabel: "latency",
    yFormat: "duration",
    width,
    height,
    bars: [
      { label: "mean", value: l.mean },
      { label: "p50", value: l.p50 },
      { label: "p90", value: l.p90 },
      { label: "p99", value: l.p99 },
      { label: "p99.9", value: l.p999 },
      { label: "max", value: l.max },
    ],
  });
}

export function latencySeriesChart(result: Result, width = 640, height = 320): string {
  const s = result.series;
  return lineChartSvg({
    title: "Mean latency over time",
    xLabel: "simulated time since warm-up (s)",
    yLabel: "mean latency",
    yFormat: "duration",
    width,
    height,
    series: [
      { name: "mean latency", points: s.time.map((t, i) => [t, s.latencyMean[i] ?? 0] as [number, number]) },
    ],
  });
}

export function throughputSeriesChart(result: Result, width = 640, height = 320): string {
  const s = result.series;
  return lineChartSvg({
    title: "Throughput over time",
    xLabel: "simulated time since warm-up (s)",
    yLabel: "completed requests per second",
    width,
    height,
    series: [
      { name: "throughput", points: s.time.map((t, i) => [t, s.throughput[i] ?? 0] as [number, number]) },
    ],
  });
}

const SIDES = ["a", "b"] as const;

/** A side's name in a legend: "a: four servers" (the scenario's own name is the user's text). */
function sideName(comparison: ComparisonResult, side: "a" | "b"): string {
  const name = comparison[side].name;
  return name ? `${side}: ${name}` : `scenario ${side}`;
}

/**
 * Both sides' latency figures as bars side by side: each the mean over the paired replications, the
 * figures the comparison's table prints (a side's result also holds its first replication's).
 */
export function comparisonLatencyChart(comparison: ComparisonResult, width = 640, height = 320): string {
  const figures = ["mean", "p50", "p90", "p99"] as const;
  const count = comparison.a.replications?.count ?? 1;
  return groupedBarChartSvg({
    title: `Latency percentiles, a and b (mean of ${count} paired replication${count === 1 ? "" : "s"})`,
    yLabel: "latency",
    yFormat: "duration",
    width,
    height,
    labels: [...figures],
    series: SIDES.map((side) => {
      const result = comparison[side];
      return {
        name: sideName(comparison, side),
        mark: side,
        values: figures.map((f) => result.replications?.latency[f].value ?? result.latency[f]),
      };
    }),
  });
}

/** Both sides' mean latency over time in their first paired replication (the same seed on both). */
export function comparisonSeriesChart(comparison: ComparisonResult, width = 640, height = 320): string {
  return lineChartSvg({
    title: "Mean latency over time, a and b (first paired replication)",
    xLabel: "simulated time since warm-up (s)",
    yLabel: "mean latency",
    yFormat: "duration",
    width,
    height,
    series: SIDES.map((side) => {
      const s = comparison[side].series;
      return {
        name: sideName(comparison, side),
        points: s.time.map((t, i) => [t, s.latencyMean[i] ?? 0] as [number, number]),
      };
    }),
  });
}

/** The chart served on its own at /v1/runs/:id/chart.svg; a placeholder until the run is done. */
export function runChartSvg(row: RunRow, kind: ChartKind): string {
  if (row.status !== "done" || !row.result) return placeholder(`Run ${row.id} is ${row.status}.`);
  const output = JSON.parse(row.result) as Result | ComparisonResult;
  if (isComparisonResult(output))
    return kind === "latency" ? comparisonLatencyChart(output) : comparisonSeriesChart(output);
  if (!("latency" in output))
    return placeholder(`Run ${row.id} explored a program: it has no latency chart.`);
  return kind === "latency" ? latencyChart(output) : latencySeriesChart(output);
}

function placeholder(text: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 80" width="640" height="80" role="img" aria-label="${escapeXml(text)}">` +
    `<title>${escapeXml(text)}</title><rect width="640" height="80" fill="#f6f8fa"/>` +
    `<text x="320" y="45" font-family="system-ui, sans-serif" font-size="14" fill="#57606a" text-anchor="middle">${escapeXml(text)}</text></svg>`
  );
}
