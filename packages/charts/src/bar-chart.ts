// Vertical bar chart of labelled values, e.g. latency percentiles (p50, p90, p99, …).

import { plotArea, r, scale, svgDocument, yAxis } from "./chart-frame";
import { escapeXml } from "./escape-xml";
import { formatValue, type ValueFormat } from "./format-value";
import { niceTicks } from "./nice-ticks";
import { ink, palette } from "./palette";

export interface Bar {
  label: string;
  value: number;
}

export interface BarChartOptions {
  title: string;
  yLabel: string;
  bars: Bar[];
  width?: number;
  height?: number;
  /** How values read; `duration` expects seconds. Default `number`. */
  yFormat?: ValueFormat;
  desc?: string;
}

export function barChartSvg(opts: BarChartOptions): string {
  const width = opts.width ?? 640;
  const height = opts.height ?? 320;
  const yFormat = opts.yFormat ?? "number";
  const plot = plotArea(width, height, 0);
  const values = opts.bars.map((b) => b.value).filter(Number.isFinite);
  const yTicks = niceTicks(Math.min(0, ...values), values.length ? Math.max(...values) : 1, 5);
  const y = scale(yTicks.min, yTicks.max, plot.bottom, plot.top);
  const axisMax = Math.max(Math.abs(yTicks.min), Math.abs(yTicks.max));
  const slot = (plot.right - plot.left) / Math.max(1, opts.bars.length);
  const barWidth = Math.min(72, slot * 0.6);
  const zero = y(0);

  const bars = opts.bars
    .map((b, i) => {
      const cx = plot.left + slot * (i + 0.5);
      const value = Number.isFinite(b.value) ? b.value : 0;
      const top = Math.min(zero, y(value));
      const h = Math.abs(zero - y(value));
      const text = formatValue(value, yFormat, axisMax);
      return (
        `<g class="bar"><title>${escapeXml(`${b.label}: ${text}`)}</title>` +
        `<rect class="chart-series-1" x="${r(cx - barWidth / 2)}" y="${r(top)}" width="${r(barWidth)}" height="${r(h)}" rx="2" fill="${palette[0]}"/>` +
        `<text class="chart-text" x="${r(cx)}" y="${r(top - 6)}" font-size="11" fill="${ink.text}" text-anchor="middle">${escapeXml(text)}</text>` +
        `<text class="chart-muted" x="${r(cx)}" y="${plot.bottom + 18}" font-size="12" fill="${ink.muted}" text-anchor="middle">${escapeXml(b.label)}</text></g>`
      );
    })
    .join("");
  const baseline = `<line class="chart-axis" x1="${plot.left}" x2="${plot.right}" y1="${r(zero)}" y2="${r(zero)}" stroke="${ink.axis}"/>`;
  const desc =
    opts.desc ??
    `${opts.yLabel}: ${opts.bars.map((b) => `${b.label} ${formatValue(b.value, yFormat, axisMax)}`).join(", ")}.`;

  return svgDocument({
    width,
    height,
    title: opts.title,
    desc,
    body: yAxis(plot, yTicks, yFormat, opts.yLabel) + baseline + bars,
  });
}
