// A waterfall of one traced request: its whole latency on the first row, coloured by cause instant
// by instant, then a row per visit from its start to its end, outlined, filled where the visit was
// the innermost one open and left hollow where a nested call had the request.

import { r, scale, svgDocument, svgText } from "./chart-frame";
import { escapeXml } from "./escape-xml";
import { formatValue } from "./format-value";
import { CAUSES, causeLegend, HOLLOW } from "./latency-causes";
import { niceTicks } from "./nice-ticks";
import { ink } from "./palette";
import type { Waterfall, WaterfallSegment } from "./waterfall-layout";

/** Visits drawn at most (a request that fans out widely); the table beside the chart lists them all. */
export const WATERFALL_ROWS = 40;

const LEFT = 150;
const ROW = 22;
const BAR = 14;
/** Characters of a label that fit its column at 11 px (0.6 em a glyph), indent included. */
const LABEL_CHARS = 22;

const paintOf = new Map(CAUSES.map((c) => [c.cause, c.paint]));

export function waterfallSvg(waterfall: Waterfall, title: string, width = 640): string {
  const { request, latency } = waterfall;
  const rows = waterfall.rows.slice(0, WATERFALL_ROWS);
  const hidden = waterfall.rows.length - rows.length;
  const right = width - 30;
  const legend = causeLegend(right, [{ label: "in a nested call", paint: HOLLOW }]);
  const top = 52 + 20 * legend.rows;
  const bottom = top - 4 + ROW * (rows.length + 1 + (hidden > 0 ? 1 : 0));
  // A visit may outlast the answer (the client gave up first): the axis covers it too.
  const last = Math.max(latency, ...rows.map((row) => row.end));
  const ticks = niceTicks(0, last > 0 ? last : 1e-6, 6);
  const x = scale(0, ticks.max, LEFT, right);
  const duration = (seconds: number) => formatValue(seconds, "duration", ticks.max);

  const bar = (from: number, to: number, y: number, paint: string, data = "") =>
    `<rect ${paint} x="${r(x(from))}" y="${y}" width="${r(Math.max(0, x(to) - x(from)))}" height="${BAR}"${data}/>`;
  const segments = (list: readonly WaterfallSegment[], y: number) =>
    list.map((s) => bar(s.start, s.end, y, paintOf.get(s.cause)!, ` data-cause="${s.cause}"`)).join("");
  const row = (
    i: number,
    name: string,
    indent: number,
    start: number,
    end: number,
    what: string,
    fill: string,
    data: string,
  ) => {
    const y = top + ROW * i;
    const label = name.length > LABEL_CHARS - indent ? `${name.slice(0, LABEL_CHARS - indent - 1)}…` : name;
    return (
      `<g ${data} data-start="${start}" data-duration="${end - start}"><title>${escapeXml(what)}</title>` +
      `${svgText(8 + indent * 10, y + BAR / 2, label, { middle: true })}${bar(start, end, y, HOLLOW)}${fill}</g>`
    );
  };

  const grid = ticks.values
    .map((v) => {
      const px = r(x(v));
      return (
        `<line class="chart-grid" x1="${px}" x2="${px}" y1="${top - 8}" y2="${bottom}" stroke="${ink.grid}"/>` +
        svgText(px, bottom + 16, duration(v), { muted: true, anchor: "middle" })
      );
    })
    .join("");
  const answer =
    last > latency
      ? `<line class="chart-axis" x1="${r(x(latency))}" x2="${r(x(latency))}" y1="${top - 8}" y2="${bottom}" stroke="${ink.axis}" stroke-dasharray="4 3"/>`
      : "";
  const name = `request ${request.id} (${request.class})`;
  const all = [...waterfall.rows.flatMap((row) => row.segments), ...waterfall.untraced];
  let body =
    legend.markup +
    grid +
    svgText((LEFT + right) / 2, bottom + 36, "time since the request arrived", {
      size: 12,
      anchor: "middle",
    }) +
    answer +
    row(
      0,
      name,
      0,
      0,
      latency,
      `${name}, ${request.outcome}: ${duration(latency)}`,
      segments(all, top),
      'class="request"',
    );
  rows.forEach((visit, i) => {
    const data = `class="visit" data-component="${escapeXml(visit.component)}" data-depth="${visit.depth}"`;
    const what = `${visit.component}: from ${duration(visit.start)} for ${duration(visit.end - visit.start)}`;
    body += row(
      i + 1,
      visit.component,
      visit.depth,
      visit.start,
      visit.end,
      what,
      segments(visit.segments, top + ROW * (i + 1)),
      data,
    );
  });
  if (hidden > 0)
    body += svgText(8, bottom - ROW / 2, `… ${hidden} more visits, listed in the table`, { muted: true });

  const parts = { queue: 0, poolWait: 0, work: 0, untraced: 0 };
  for (const s of all) parts[s.cause] += s.end - s.start;
  const desc =
    `${name}, ${request.outcome}, took ${duration(latency)} over ${waterfall.rows.length} visits: ` +
    CAUSES.map((c) => `${c.label} ${duration(parts[c.cause])}`).join(", ");
  return svgDocument({ width, height: bottom + 44, title, desc, body });
}
