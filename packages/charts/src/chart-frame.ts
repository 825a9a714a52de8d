// The parts every chart shares: the accessible <svg> wrapper, plot geometry and axis drawing.

import { escapeXml } from "./escape-xml";
import { formatValue, type ValueFormat } from "./format-value";
import type { Ticks } from "./nice-ticks";
import { ink } from "./palette";

export interface Plot {
  width: number;
  height: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Room for the y-axis labels on the left and for the last x tick label on the right. */
export const PLOT_LEFT = 72;
export const PLOT_RIGHT_MARGIN = 20;

/** The plotting rectangle, below the title and `legendRows` rows of legend. */
export function plotArea(width: number, height: number, legendRows: number): Plot {
  const top = 40 + 20 * legendRows;
  return { width, height, left: PLOT_LEFT, top, right: width - PLOT_RIGHT_MARGIN, bottom: height - 48 };
}

/** Wraps chart content in an <svg> with role="img", <title> and <desc> referenced by aria-labelledby. */
export function svgDocument(opts: {
  width: number;
  height: number;
  title: string;
  desc: string;
  body: string;
}): string {
  // Ids must be unique when several charts are inlined in one page, and the same chart must
  // render to the same bytes (docs pages are pre-rendered), so the id is a hash of the content.
  const id = `syslab-chart-${fnv1a(opts.title + opts.desc + opts.body)}`;
  const { width, height } = opts;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"`,
    ` role="img" aria-labelledby="${id}-title ${id}-desc" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif">`,
    `<title id="${id}-title">${escapeXml(opts.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(opts.desc)}</desc>`,
    `<rect class="chart-bg" width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text class="chart-text" x="${16}" y="24" font-size="15" font-weight="600" fill="${ink.text}">${escapeXml(opts.title)}</text>`,
    opts.body,
    "</svg>",
  ].join("");
}

export function scale(domainMin: number, domainMax: number, rangeMin: number, rangeMax: number) {
  const span = domainMax - domainMin || 1;
  return (v: number) => rangeMin + ((v - domainMin) / span) * (rangeMax - rangeMin);
}

/** Horizontal grid lines and labels for the y axis, plus its rotated title. */
export function yAxis(plot: Plot, ticks: Ticks, format: ValueFormat, label: string): string {
  const y = scale(ticks.min, ticks.max, plot.bottom, plot.top);
  const axisMax = Math.max(Math.abs(ticks.min), Math.abs(ticks.max));
  const parts = ticks.values.map((v) => {
    const py = r(y(v));
    return (
      `<line class="chart-grid" x1="${plot.left}" x2="${plot.right}" y1="${py}" y2="${py}" stroke="${ink.grid}" stroke-width="1"/>` +
      `<text class="chart-muted" x="${plot.left - 8}" y="${py}" font-size="11" fill="${ink.muted}" text-anchor="end" dominant-baseline="middle">${escapeXml(formatValue(v, format, axisMax))}</text>`
    );
  });
  const cy = r((plot.top + plot.bottom) / 2);
  parts.push(
    `<text class="chart-text" transform="translate(16 ${cy}) rotate(-90)" font-size="12" fill="${ink.text}" text-anchor="middle">${escapeXml(label)}</text>`,
  );
  return `<g class="y-axis">${parts.join("")}</g>`;
}

/** A line of chart text, escaped: `muted` for tick labels and notes, else in the text colour. */
export function svgText(
  x: number,
  y: number,
  content: string,
  opts: { size?: number; muted?: boolean; anchor?: "middle" | "end"; middle?: boolean } = {},
): string {
  const anchor = opts.anchor ? ` text-anchor="${opts.anchor}"` : "";
  const baseline = opts.middle ? ` dominant-baseline="middle"` : "";
  return `<text class="chart-${opts.muted ? "muted" : "text"}" x="${r(x)}" y="${r(y)}" font-size="${opts.size ?? 11}" fill="${opts.muted ? ink.muted : ink.text}"${anchor}${baseline}>${escapeXml(content)}</text>`;
}

/** Rounds a coordinate to 0.1 px: finer digits only make the SVG larger. */
export function r(v: number): number {
  return Math.round(v * 10) / 10;
}

/** 32-bit FNV-1a, as hex: a short, stable fingerprint of a string. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16);
}
