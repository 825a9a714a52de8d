// The link-preview card of a run (/r/:id/card.png, named by og:image): a 1200×630 PNG with the
// run's name, headline numbers and latency chart (a comparison's: the differences b − a and both
// sides' charts side by side), drawn as SVG and rasterised by sharp (librsvg).

import { escapeXml as esc, formatValue } from "@syslab/charts";
import type { ComparisonResult, Result } from "@syslab/sim-core";
import sharp from "sharp";
import type { RunRow } from "../db/run-store";
import { comparisonLine } from "./comparison-figures";
import { latencyChart } from "./run-charts";
import { isComparisonResult } from "./shown-result";

/** The size Open Graph and Twitter's summary_large_image cards are shown at (1.91:1). */
export const cardWidth = 1200;
export const cardHeight = 630;

const font = `font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif"`;

/** A title that fits the card's width at 40 px: about 48 characters. */
function fit(text: string, max = 48): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A chart placed on the card at (x, 170). */
function placed(svg: string, x: number, width: number): string {
  return `<svg x="${x}" y="170" width="${width}" height="420">${svg.replace(/^<svg /, '<svg x="0" y="0" ')}</svg>`;
}

function comparisonCharts(comparison: ComparisonResult): string {
  const width = (cardWidth - 100) / 2;
  return (
    placed(
      latencyChart(comparison.a, width, 420, `a: ${fit(comparison.a.name ?? "scenario a", 30)}`),
      40,
      width,
    ) +
    placed(
      latencyChart(comparison.b, width, 420, `b: ${fit(comparison.b.name ?? "scenario b", 30)}`),
      60 + width,
      width,
    )
  );
}

export function runCardSvg(row: RunRow): string {
  const title = fit(row.name ?? `Run ${row.id}`);
  const stored = row.status === "done" && row.result ? (JSON.parse(row.result) as unknown) : undefined;
  const comparison = isComparisonResult(stored) ? stored : undefined;
  const result = comparison ? undefined : (stored as Result | undefined);
  const line = comparison
    ? comparisonLine(comparison)
    : result
      ? `${formatValue(result.throughput, "number")} req/s · mean ${formatValue(result.latency.mean, "duration")} · p99 ${formatValue(result.latency.p99, "duration")}`
      : row.status === "failed"
        ? "This run failed."
        : `This run is ${row.status}.`;
  const chart = comparison
    ? comparisonCharts(comparison)
    : result
      ? placed(latencyChart(result, cardWidth - 80, 420), 40, cardWidth - 80)
      : "";
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${cardWidth}" height="${cardHeight}" viewBox="0 0 ${cardWidth} ${cardHeight}">` +
    `<rect width="${cardWidth}" height="${cardHeight}" fill="#f6f8fa"/>` +
    `<rect x="20" y="150" width="${cardWidth - 40}" height="460" rx="12" fill="#ffffff" stroke="#d0d7de"/>` +
    `<text x="40" y="70" ${font} font-size="40" font-weight="bold" fill="#1f2328">${esc(title)}</text>` +
    `<text x="40" y="122" ${font} font-size="28" fill="#0969da">${esc(line)}</text>` +
    `<text x="${cardWidth - 40}" y="122" ${font} font-size="22" fill="#57606a" text-anchor="end">syslab ${esc(row.engineVersion)}</text>` +
    chart +
    `</svg>`
  );
}

export async function runCardPng(row: RunRow): Promise<Buffer> {
  return sharp(Buffer.from(runCardSvg(row)), { density: 72 })
    .resize(cardWidth, cardHeight)
    .png()
    .toBuffer();
}
