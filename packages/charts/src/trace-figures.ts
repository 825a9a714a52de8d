// The forensics of a traced run as markup a page inlines: a waterfall of its slowest traced request
// and stacked bars of where each latency band's time went, each chart followed by a table stating
// its figures. Share pages render it on the server; the playground, after a traced run.

import { type BreakdownBandFigures, breakdownBarsSvg } from "./breakdown-bars";
import { escapeXml as esc } from "./escape-xml";
import { formatValue } from "./format-value";
import { CAUSES, type LatencyCause } from "./latency-causes";
import type { TracedRequest } from "./traced-request";
import { waterfallSvg } from "./waterfall-chart";
import { slowestRequest, type WaterfallSegment, waterfallLayout } from "./waterfall-layout";

/** Visits the waterfall's table lists at most; a request's visits are bounded by its steps and attempts. */
const TABLE_ROWS = 500;

/** The part of a result's `trace` (sim-core's TraceSummary) the figures read. */
export interface TraceFiguresInput {
  requests: readonly TracedRequest[];
  breakdown: {
    bands: Record<"p50" | "p90" | "p99", BreakdownBandFigures & { from: number; to: number }>;
  };
}

const seconds = (value: number) => formatValue(value, "duration");
const percent = (share: number) => formatValue(share, "percent");
const num = (text: string) => `<td class="num">${esc(text)}</td>`;

function totals(segments: readonly WaterfallSegment[]): Record<LatencyCause, number> {
  const sum = { queue: 0, poolWait: 0, work: 0, untraced: 0 };
  for (const s of segments) sum[s.cause] += s.end - s.start;
  return sum;
}

function table(label: string, caption: string, head: string[], rows: string, foot = ""): string {
  const th = head.map((h, i) => `<th scope="col"${i > 0 ? ' class="num"' : ""}>${esc(h)}</th>`).join("");
  return (
    `<div class="scroll table-scroll" tabindex="0" role="region" aria-label="${esc(label)}"><table>` +
    `<caption>${esc(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${rows}</tbody>${foot}</table></div>`
  );
}

function waterfallHtml(request: TracedRequest, components: Record<string, { type?: string }>): string {
  const waterfall = waterfallLayout(request, (name) => components[name]?.type);
  const title = `The slowest traced request: ${request.class}, ${seconds(waterfall.latency)}`;
  const causes = ["queue", "poolWait", "work"] as const;
  const rows = waterfall.rows
    .slice(0, TABLE_ROWS)
    .map((row) => {
      const own = totals(row.segments);
      return (
        `<tr><th scope="row">${esc(row.component)}</th>${num(String(row.depth))}${num(seconds(row.start))}` +
        `${num(seconds(row.end - row.start))}${causes.map((c) => num(seconds(own[c]))).join("")}${num("—")}</tr>`
      );
    })
    .join("");
  const whole = totals([...waterfall.rows.flatMap((row) => row.segments), ...waterfall.untraced]);
  const more = waterfall.rows.length - TABLE_ROWS;
  const foot =
    `<tfoot><tr><th scope="row">The whole request (${esc(request.outcome)})</th>${num("—")}${num(seconds(0))}` +
    `${num(seconds(waterfall.latency))}${causes.map((c) => num(seconds(whole[c]))).join("")}${num(seconds(whole.untraced))}</tr>` +
    (more > 0 ? `<tr><td colspan="8">… ${more} more visits not listed</td></tr>` : "") +
    "</tfoot>";
  return (
    `<figure data-trace-waterfall data-request="${request.id}">${waterfallSvg(waterfall, title)}` +
    `<figcaption>Request ${request.id} spent ${esc(
      CAUSES.filter((c) => whole[c.cause] > 0)
        .map((c) => `${seconds(whole[c.cause])} ${c.label}`)
        .join(", ") || "no time",
    )} of its ${esc(seconds(waterfall.latency))}. Each visit's own time is filled by cause; a nested call's time is drawn on the call's row.</figcaption></figure>` +
    table(
      `Visits of request ${request.id}`,
      `Visits of request ${request.id} (${request.class}), times from its arrival; queued, pool wait and work are each visit's own time`,
      ["Visit", "Depth", "Starts at", "Duration", "Queued", "Pool wait", "Work", "Untraced"],
      rows,
      foot,
    )
  );
}

function bandsHtml(trace: TraceFiguresInput): string {
  const { p50, p90, p99 } = trace.breakdown.bands;
  const bands = [
    { label: "p50 band", band: p50 },
    { label: "p90 band", band: p90 },
    { label: "p99 band", band: p99 },
  ];
  const rows = bands
    .map(({ label, band }) => {
      const ranks = `${percent(band.from)}–${percent(band.to)}`;
      const range = band.requests === 0 ? "—" : `${seconds(band.latency.min)} – ${seconds(band.latency.max)}`;
      return (
        `<tr data-band="${esc(label)}"><th scope="row">${esc(`${label} (ranks ${ranks})`)}</th>${num(String(band.requests))}${num(range)}` +
        CAUSES.map((c) => num(`${percent(band.share[c.cause])} (${seconds(band.mean[c.cause])})`)).join("") +
        "</tr>"
      );
    })
    .join("");
  return (
    `<figure data-trace-breakdown>${breakdownBarsSvg(bands, "Where the time went, by latency band")}` +
    `<figcaption>The completed traced requests ranked by latency: each bar splits a band's total latency by cause.</figcaption></figure>` +
    table(
      "Latency breakdown by band",
      "Each band's share of latency by cause (mean seconds per request in brackets)",
      ["Band", "Requests", "Latency", "Queued", "Pool wait", "Work", "Untraced"],
      rows,
    )
  );
}

/** The figures of a traced run, or "" when it kept no traced request. */
export function traceFiguresHtml(
  trace: TraceFiguresInput,
  components: Record<string, { type?: string }>,
): string {
  const slowest = slowestRequest(trace.requests);
  return slowest === undefined ? "" : waterfallHtml(slowest, components) + bandsHtml(trace);
}
