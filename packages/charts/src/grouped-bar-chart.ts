// Vertical bars in groups: the same labelled values for several series side by side, e.g. the
// latency percentiles of both sides of a comparison, told apart by colour, a legend and a mark
// under each bar (so they read without colour too).

import { PLOT_LEFT, PLOT_RIGHT_MARGIN, plotArea, r, scale, svgDocument, yAxis } from "./chart-frame";
import { escapeXml } from "./escape-xml";
import { formatValue, type ValueFormat } from "./format-value";
import { legendLayout, legendRows } from "./legend-layout";
import { niceTicks } from "./nice-ticks";
import { ink, palette } from "./palette";

export interface BarSeries {
  /** Shown in the legend and in each bar's tooltip. */
  name: string;
  /** A short mark printed under each of its bars ("a", "b"); absent: none. */
  mark?: string;
  /** One value per label, in the order of `labels`. */
  values: number[];
}

export interface GroupedBarChartOptions {
  title: string;
  yLabel: string;
  /** The groups along the x axis ("mean", "p50", …). */
  labels: string[];
  series: BarSeries[];
  width?: number;
  height?: number;
  /** How values read; `duration` expects seconds. Default `number`. */
  yFormat?: ValueFormat;
  desc?: string;
}

export function groupedBarChartSvg(opts: GroupedBarChartOptions): string {
  const width = opts.width ?? 640;
  const height = opts.height ?? 320;
  const yFormat = opts.yFormat ?? "number";
  const legendPositions = legendLayout(
    opts.series.map((s) => s.name),
    PLOT_LEFT,
    width - PLOT_RIGHT_MARGIN,
  );
  const plot = plotArea(width, height, legendRows(legendPositions));
  const finite = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : 0);
  const values = opts.series.flatMap((s) => s.values).filter(Number.isFinite);
  const yTicks = niceTicks(Math.min(0, ...values), values.length ? Math.max(...values) : 1, 5);
  const y = scale(yTicks.min, yTicks.max, plot.bottom, plot.top);
  const axisMax = Math.max(Math.abs(yTicks.min), Math.abs(yTicks.max));
  const slot = (plot.right - plot.left) / Math.max(1, opts.labels.length);
  const count = Math.max(1, opts.series.length);
  const barWidth = Math.min(40, (slot * 0.8) / count);
  const zero = y(0);
  const marked = opts.series.some((s) => s.mark !== undefined);

  const groups = opts.labels
    .map((label, i) => {
      const centre = plot.left + slot * (i + 0.5);
      const first = centre - (barWidth * count) / 2;
      const bars = opts.series
        .map((s, j) => {
          const value = finite(s.values[i]);
          const x = first + barWidth * j;
          const top = Math.min(zero, y(value));
          const h = Math.abs(zero - y(value));
          const text = formatValue(value, yFormat, axisMax);
          const seriesClass = `chart-series-${(j % palette.length) + 1}`;
          const mark =
            s.mark === undefined
              ? ""
              : `<text class="chart-muted" x="${r(x + barWidth / 2)}" y="${plot.bottom + 13}" font-size="10" fill="${ink.muted}" text-anchor="middle">${escapeXml(s.mark)}</text>`;
          return (
            `<g class="bar"><title>${escapeXml(`${s.name}, ${label}: ${text}`)}</title>` +
            `<rect class="${seriesClass}" x="${r(x + 1)}" y="${r(top)}" width="${r(barWidth - 2)}" height="${r(h)}" rx="2" fill="${palette[j % palette.length]}"/>` +
            `<text class="chart-text" x="${r(x + barWidth / 2)}" y="${r(top - 5)}" font-size="10" fill="${ink.text}" text-anchor="middle">${escapeXml(text)}</text>` +
            `${mark}</g>`
          );
        })
        .join("");
      const labelY = plot.bottom + (marked ? 30 : 18);
      return `<g class="group">${bars}<text class="chart-muted" x="${r(centre)}" y="${labelY}" font-size="12" fill="${ink.muted}" text-anchor="middle">${escapeXml(label)}</text></g>`;
    })
    .join("");

  const legend = `<g class="legend">${opts.series
    .map((s, j) => {
      const { x: lx, row } = legendPositions[j]!;
      const ly = 44 + row * 20; // rows start under the title, above the plot
      return (
        `<rect class="chart-series-${(j % palette.length) + 1}" x="${r(lx)}" y="${ly - 8}" width="12" height="10" rx="2" fill="${palette[j % palette.length]}"/>` +
        `<text class="chart-text" x="${r(lx + 18)}" y="${ly}" font-size="12" fill="${ink.text}" dominant-baseline="middle">${escapeXml(s.name)}</text>`
      );
    })
    .join("")}</g>`;
  const baseline = `<line class="chart-axis" x1="${plot.left}" x2="${plot.right}" y1="${r(zero)}" y2="${r(zero)}" stroke="${ink.axis}"/>`;
  const desc =
    opts.desc ??
    `${opts.yLabel}. ` +
      opts.series
        .map(
          (s) =>
            `${s.name}: ${opts.labels.map((label, i) => `${label} ${formatValue(finite(s.values[i]), yFormat, axisMax)}`).join(", ")}.`,
        )
        .join(" ");

  return svgDocument({
    width,
    height,
    title: opts.title,
    desc,
    body: yAxis(plot, yTicks, yFormat, opts.yLabel) + legend + baseline + groups,
  });
}
