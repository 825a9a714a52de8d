// A paired comparison's figures: each key figure on both sides (the mean over the paired
// replications) beside the difference b − a with its 95% interval, and, for the figures a reader
// looks at first, a sentence saying whether the difference can be told apart from zero.

import { escapeXml as esc, formatValue } from "@syslab/charts";
import type { ComparisonResult, Result } from "@syslab/sim-core";
import {
  excludesZero,
  type Interval,
  type IntervalFigure,
  intervalAt,
  intervalFigures,
  intervalText,
  shown,
} from "./interval-figures";

/** The figures the sentences speak of. */
const SPOKEN = new Set(["latency.mean", "latency.p99", "throughput"]);

/** A side's value of a figure: its mean over the replications (each side is a replication set). */
function sideValue(side: Result, figure: IntervalFigure): number | undefined {
  return intervalAt(side.replications, figure.path)?.value;
}

function figures(comparison: ComparisonResult): [IntervalFigure, Interval][] {
  return intervalFigures(Object.keys(comparison.difference.components)).flatMap((figure) => {
    const d = intervalAt(comparison.difference, figure.path);
    return d ? [[figure, d] as [IntervalFigure, Interval]] : [];
  });
}

/** "Mean latency is lower on b by 1.2 ms (…), a difference distinguishable from zero." */
export function verdict(figure: IntervalFigure, d: Interval): string {
  const interval = intervalText(d.ci95, figure.format);
  const what = figure.label.replace(/ \(req\/s\)$/, "");
  if (!excludesZero(d))
    return `${what}: the 95% interval of b − a, ${interval}, includes zero, so these replications cannot tell b from a.`;
  const by = formatValue(Math.abs(d.value), figure.format);
  return `${what} is ${d.value > 0 ? "higher" : "lower"} on b by ${by} (95% interval of b − a: ${interval}), a difference distinguishable from zero.`;
}

export function comparisonHtml(comparison: ComparisonResult): string {
  const { a, b } = comparison;
  const count = a.replications?.count ?? 1;
  const rows = figures(comparison).map(([figure, d]) => {
    const cell = (side: Result) => {
      const v = sideValue(side, figure);
      return v === undefined
        ? `<td class="num">—</td>`
        : `<td class="num" data-value="${v}">${esc(shown(v, figure.format))}</td>`;
    };
    return (
      `<tr data-figure="${esc(figure.name)}"><th scope="row">${esc(figure.label)}</th>${cell(a)}${cell(b)}` +
      `<td class="num" data-difference="${d.value}">${esc(shown(d.value, figure.format, true))}</td>` +
      `<td class="num" data-ci95="${d.ci95.join(" ")}">${esc(intervalText(d.ci95, figure.format))}</td>` +
      `<td>${excludesZero(d) ? "yes" : "no"}</td></tr>`
    );
  });
  const sentences = figures(comparison)
    .filter(([figure]) => SPOKEN.has(figure.name))
    .map(([figure, d]) => `<li data-verdict="${esc(figure.name)}">${esc(verdict(figure, d))}</li>`);
  return (
    `<p><strong>a</strong>: ${esc(a.name ?? "scenario a")} · <strong>b</strong>: ${esc(b.name ?? "scenario b")}. ` +
    `Both ran ${esc(String(count))} paired replications on common random numbers (the same arrivals and the same work on both sides, seeds ${esc((a.replications?.seeds ?? [a.seed]).join(", "))}); ` +
    `each side's figure is its mean over them, and each difference b − a has a Student-t 95% interval from the paired differences.</p>` +
    `<ul class="verdicts">${sentences.join("")}</ul>` +
    `<div class="scroll" tabindex="0" role="region" aria-label="Both sides and their differences"><table class="comparison"><caption>a and b side by side</caption>` +
    `<thead><tr><th scope="col">Figure</th><th scope="col" class="num">a</th><th scope="col" class="num">b</th><th scope="col" class="num">b − a</th><th scope="col" class="num">95% interval of b − a</th><th scope="col">Distinguishable from zero</th></tr></thead>` +
    `<tbody>${rows.join("")}</tbody></table></div>`
  );
}

/** The page's description and the card's line: the headline differences. */
export function comparisonLine(comparison: ComparisonResult): string {
  const d = comparison.difference;
  const ms = (x: Interval) => shown(x.value, "duration", true);
  return `b − a: mean latency ${ms(d.latency.mean)}, p99 ${ms(d.latency.p99)}, throughput ${shown(d.throughput.value, "number", true)} req/s`;
}
