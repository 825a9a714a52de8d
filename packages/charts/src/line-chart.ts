// Line chart of one or more numeric series, e.g. latency or throughput over simulated time.

import { PLOT_LEFT, PLOT_RIGHT_MARGIN, plotArea, r, scale, svgDocument, yAxis } from "./chart-frame";
import { escapeXml } from "./escape-xml";
import { formatValue, type ValueFormat } from "./format-value";
import { legendLayout, legendRows } from "./legend-layout";
import { niceTicks } from "./nice-ticks";
import { ink, palette } from "./palette";

export interface LineSeries {
  name: string;
  points: [number, number][];
  /** "points" draws a marker at each point and no line (samples beside a theory curve). Default "line". */
  style?: "line" | "points";
  /** Drawn heavier: the series a reader's chosen run belongs to. */
  emphasis?: boolean;
}

export interface LineChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  series: LineSeries[];
  width?: number;
  height?: number;
  /** How tick labels read; `duration` expects seconds. Default `number`. */
  xFormat?: ValueFormat;
  yFormat?: ValueFormat;
  /** Text for screen readers; a summary of the series is generated when absent. */
  desc?: string;
}

export function lineChartSvg(opts: LineChartOptions): string {
  const width = opts.width ?? 640;
  const height = opts.height ?? 320;
  const xFormat = opts.xFormat ?? "number";
  const yFormat = opts.yFormat ?? "number";
  const legend = opts.series.length > 1;
  // Laid out against the plot's default edges; the rows it needs then push the plot down.
  const legendPositions = legend
    ? legendLayout(
        opts.series.map((s) => s.name),
        PLOT_LEFT,
        width - PLOT_RIGHT_MARGIN,
      )
    : [];
  const plot = plotArea(width, height, legendRows(legendPositions));
  const points = opts.series
    .flatMap((s) => s.points)
    .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const xTicks = niceTicks(xs.length ? Math.min(...xs) : 0, xs.length ? Math.max(...xs) : 1, 6);
  // Values such as latency and throughput read best against a zero baseline.
  const yTicks = niceTicks(Math.min(0, ...ys), ys.length ? Math.max(...ys) : 1, 5);
  const x = scale(xTicks.min, xTicks.max, plot.left, plot.right);
  const y = scale(yTicks.min, yTicks.max, plot.bottom, plot.top);
  const xMax = Math.max(Math.abs(xTicks.min), Math.abs(xTicks.max));

  const xAxis = xTicks.values
    .map((v) => {
      const px = r(x(v));
      return (
        `<line class="chart-axis" x1="${px}" x2="${px}" y1="${plot.bottom}" y2="${plot.bottom + 5}" stroke="${ink.axis}"/>` +
        `<text class="chart-muted" x="${px}" y="${plot.bottom + 18}" font-size="11" fill="${ink.muted}" text-anchor="middle">${escapeXml(formatValue(v, xFormat, xMax))}</text>`
      );
    })
    .join("");
  const baseline = `<line class="chart-axis" x1="${plot.left}" x2="${plot.right}" y1="${plot.bottom}" y2="${plot.bottom}" stroke="${ink.axis}"/>`;
  const xTitle = `<text class="chart-text" x="${r((plot.left + plot.right) / 2)}" y="${height - 10}" font-size="12" fill="${ink.text}" text-anchor="middle">${escapeXml(opts.xLabel)}</text>`;

  const lines = opts.series
    .map((s, i) => {
      const colour = palette[i % palette.length]!;
      const seriesClass = `chart-series-${(i % palette.length) + 1}`;
      const valid = s.points.filter(([px, py]) => Number.isFinite(px) && Number.isFinite(py));
      if (valid.length === 0) return "";
      const title = `<title>${escapeXml(s.name)}</title>`;
      const dot = (px: number, py: number, radius: number) =>
        `<circle cx="${r(x(px))}" cy="${r(y(py))}" r="${radius}" class="${seriesClass}" fill="${colour}"/>`;
      if (s.style === "points") {
        return `<g class="series">${title}${valid.map(([px, py]) => dot(px, py, 4)).join("")}</g>`;
      }
      const d = valid.map(([px, py], j) => `${j === 0 ? "M" : "L"}${r(x(px))} ${r(y(py))}`).join("");
      const single = valid.length === 1 ? dot(valid[0]![0], valid[0]![1], 3) : "";
      const strokeWidth = s.emphasis ? 4 : 2;
      return `<g class="series">${title}<path class="${seriesClass}" d="${d}" fill="none" stroke="${colour}" stroke-width="${strokeWidth}" stroke-linejoin="round" stroke-linecap="round"/>${single}</g>`;
    })
    .join("");

  const legendMarkup = legend
    ? `<g class="legend">${opts.series
        .map((s, i) => {
          const { x: lx, row } = legendPositions[i]!;
          const ly = 44 + row * 20; // rows start under the title, above the plot
          const swatchClass = `chart-series-${(i % palette.length) + 1}`;
          const swatch =
            s.style === "points"
              ? `<circle class="${swatchClass}" cx="${r(lx + 6)}" cy="${ly - 3.5}" r="4" fill="${palette[i % palette.length]}"/>`
              : `<rect class="${swatchClass}" x="${r(lx)}" y="${ly - 5}" width="12" height="3" fill="${palette[i % palette.length]}"/>`;
          return `${swatch}<text class="chart-text" x="${r(lx + 18)}" y="${ly}" font-size="12" fill="${ink.text}" dominant-baseline="middle">${escapeXml(s.name)}</text>`;
        })
        .join("")}</g>`
    : "";

  const desc =
    opts.desc ??
    `${opts.yLabel} against ${opts.xLabel}. ` +
      opts.series
        .map((s) => {
          const vals = s.points.map(([, v]) => v).filter(Number.isFinite);
          if (vals.length === 0) return `${s.name}: no data.`;
          return `${s.name}: ${vals.length} points from ${formatValue(Math.min(...vals), yFormat)} to ${formatValue(Math.max(...vals), yFormat)}.`;
        })
        .join(" ");

  return svgDocument({
    width,
    height,
    title: opts.title,
    desc,
    body:
      yAxis(plot, yTicks, yFormat, opts.yLabel) +
      `<g class="x-axis">${baseline}${xAxis}${xTitle}</g>` +
      legendMarkup +
      lines,
  });
}
