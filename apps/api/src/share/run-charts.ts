// The charts of a run: latency percentiles as bars and the measured period as time series.

import { barChartSvg, escapeXml, lineChartSvg } from "@syslab/charts";
import type { Result } from "@syslab/sim-core";
import type { RunRow } from "../db/run-store";
import { shownResult } from "./shown-result";

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

/** The chart served on its own at /v1/runs/:id/chart.svg; a placeholder until the run is done. */
export function runChartSvg(row: RunRow, kind: ChartKind): string {
  if (row.status !== "done" || !row.result) return placeholder(`Run ${row.id} is ${row.status}.`);
  const result = shownResult(row.result);
  if (!("latency" in result))
    return placeholder(`Run ${row.id} explored a program: it has no latency chart.`);
  return kind === "latency" ? latencyChart(result) : latencySeriesChart(result);
}

function placeholder(text: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 80" width="640" height="80" role="img" aria-label="${escapeXml(text)}">` +
    `<title>${escapeXml(text)}</title><rect width="640" height="80" fill="#f6f8fa"/>` +
    `<text x="320" y="45" font-family="system-ui, sans-serif" font-size="14" fill="#57606a" text-anchor="middle">${escapeXml(text)}</text></svg>`
  );
}
