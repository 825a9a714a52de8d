// A replication set's figures: how many independent replications ran and why no more, and every
// key figure's mean over them with its across-replication 95% interval (the headline numbers
// above it are replication 0's own).

import { escapeXml as esc, formatValue } from "@syslab/charts";
import type { ReplicationSummary } from "@syslab/sim-core";
import { intervalAt, intervalFigures, intervalText, shown } from "./interval-figures";

const STOPPED: Record<ReplicationSummary["stoppedBy"], string> = {
  count: "the number of replications asked for ran",
  precision: "the precision asked for was reached",
  "max-replications": "the most replications allowed ran before the precision was reached",
};

export function replicationsHtml(summary: ReplicationSummary): string {
  const precision = summary.precision
    ? ` The target was a relative half-width of ${formatValue(summary.precision.relative, "percent")} for <code>${esc(summary.precision.metric)}</code>; it reached ${esc(formatValue(summary.precision.achieved, "percent"))}.`
    : "";
  const rows = intervalFigures(Object.keys(summary.components)).flatMap((figure) => {
    const e = intervalAt(summary, figure.path);
    if (!e) return [];
    return [
      `<tr data-figure="${esc(figure.name)}"><th scope="row">${esc(figure.label)}</th>` +
        `<td class="num" data-value="${e.value}">${esc(shown(e.value, figure.format))}</td>` +
        `<td class="num" data-ci95="${e.ci95.join(" ")}">${esc(intervalText(e.ci95, figure.format))}</td></tr>`,
    ];
  });
  return (
    `<p>${esc(formatValue(summary.count, "number"))} independent replications (seeds ${esc(summary.seeds.join(", "))}), ` +
    `${esc(formatValue(summary.events, "number"))} events in all; they stopped because ${esc(STOPPED[summary.stoppedBy])}.${precision} ` +
    `The figures at the top are the first replication's; here each is the mean over the replications, with a Student-t 95% interval.</p>` +
    `<div class="scroll" tabindex="0" role="region" aria-label="Figures across replications"><table class="replications"><caption>Mean over ${esc(String(summary.count))} replications</caption>` +
    `<thead><tr><th scope="col">Figure</th><th scope="col" class="num">Mean</th><th scope="col" class="num">95% interval</th></tr></thead>` +
    `<tbody>${rows.join("")}</tbody></table></div>`
  );
}
