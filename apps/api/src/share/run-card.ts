// The link-preview card of a run (/r/:id/card.png, named by og:image): a 1200×630 PNG with the
// run's name, headline numbers and latency chart, drawn as SVG and rasterised by sharp (librsvg).

import { escapeXml as esc, formatValue } from "@syslab/charts";
import type { Result } from "@syslab/sim-core";
import sharp from "sharp";
import type { RunRow } from "../db/run-store";
import { latencyChart } from "./run-charts";

/** The size Open Graph and Twitter's summary_large_image cards are shown at (1.91:1). */
export const cardWidth = 1200;
export const cardHeight = 630;

const font = `font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif"`;

/** A title that fits the card's width at 40 px: about 48 characters. */
function fit(text: string, max = 48): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function runCardSvg(row: RunRow): string {
  const title = fit(row.name ?? `Run ${row.id}`);
  const result = row.status === "done" && row.result ? (JSON.parse(row.result) as Result) : undefined;
  const line = result
    ? `${formatValue(result.throughput, "number")} req/s · mean ${formatValue(result.latency.mean, "duration")} · p99 ${formatValue(result.latency.p99, "duration")}`
    : row.status === "failed"
      ? "This run failed."
      : `This run is ${row.status}.`;
  const chart = result
    ? `<svg x="40" y="170" width="${cardWidth - 80}" height="420">${latencyChart(result, cardWidth - 80, 420).replace(/^<svg /, '<svg x="0" y="0" ')}</svg>`
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
