// The figures of a run beyond the headline numbers: every component's own figures, read
// generically from result.components (each tagged with its `type`, so kinds added later show up
// too), the failures by kind and the request classes.

import { escapeXml as esc, formatValue } from "@syslab/charts";
import type { Result } from "@syslab/sim-core";

/** Entries of an array of objects (a server's cores) shown before the rest is summarised. */
const maxListed = 16;

/** Names of figures that are shares of time (0…1), shown as percentages. */
const SHARE = /(utili[sz]ation|useful|switching|fraction|probability|share|ratio)$/i;

/** What each failure kind means; kinds added later show under their own name. */
const FAILURES: Record<string, string> = {
  rejected: "Rejected (503: a full queue or no capacity)",
  reset: "Reset (connection reset or refused)",
  timeout: "Timed out (the client gave up)",
  limited: "Rate limited (429)",
};

function figure(key: string, value: number): string {
  if (SHARE.test(key) && value >= 0 && value <= 1) return formatValue(value, "percent");
  if (Number.isInteger(value)) return value.toLocaleString("en-US");
  return String(Number(value.toPrecision(4)));
}

/** Every numeric or text leaf of a component's figures, as dotted paths. */
function leaves(value: unknown, path: string, rows: [string, string][]): [string, string][] {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === "number")) {
      const shown = value.slice(0, maxListed).map((v) => figure(path, v));
      rows.push([path, shown.join(", ") + (value.length > maxListed ? `, … (${value.length} in all)` : "")]);
    } else {
      value.slice(0, maxListed).forEach((v, i) => {
        leaves(v, `${path}[${i}]`, rows);
      });
      if (value.length > maxListed) rows.push([path, `… ${value.length - maxListed} more not shown`]);
    }
  } else if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      if (path === "" && key === "type") continue;
      leaves(child, path === "" ? key : `${path}.${key}`, rows);
    }
  } else if (typeof value === "number") {
    rows.push([path, figure(path, value)]);
  } else {
    rows.push([path, String(value)]);
  }
  return rows;
}

/** `side` names which result it is when a page shows two (a comparison's), keeping ids and names apart. */
export function componentFiguresHtml(result: Result, side?: string): string {
  const idPrefix = side === undefined ? "" : `${side}-`;
  const onSide = side === undefined ? "" : ` on side ${side}`;
  return Object.entries(result.components as Record<string, { type?: string }>)
    .map(([name, stats]) => {
      const rows = leaves(stats, "", []);
      const id = `${idPrefix}component-${encodeURIComponent(name).replace(/[^A-Za-z0-9_-]/g, "_")}`;
      return (
        `<section class="component" aria-labelledby="${esc(id)}"><h3 id="${esc(id)}">${esc(name)} <span class="kind">${esc(String(stats.type ?? ""))}</span>${esc(onSide)}</h3>` +
        `<div class="scroll" tabindex="0" role="region" aria-label="Figures of ${esc(name)}${esc(onSide)}"><table><thead><tr><th scope="col">Figure</th><th scope="col" class="num">Value</th></tr></thead><tbody>` +
        rows
          .map(
            ([k, v]) => `<tr><th scope="row"><code>${esc(k)}</code></th><td class="num">${esc(v)}</td></tr>`,
          )
          .join("") +
        `</tbody></table></div></section>`
      );
    })
    .join("");
}

/** The failure counts by kind: every key of requests.failed, with its share of the arrivals. */
export function failuresHtml(result: Result): string {
  const failed = result.requests.failed as unknown as Record<string, number>;
  const entries = Object.entries(failed);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  const arrived = result.requests.arrived;
  const share = (n: number) => (arrived > 0 ? formatValue(n / arrived, "percent") : "—");
  const rows = entries.map(
    ([kind, n]) =>
      `<tr data-failure="${esc(kind)}"><th scope="row">${esc(FAILURES[kind] ?? kind)}</th><td class="num">${esc(n.toLocaleString("en-US"))}</td><td class="num">${esc(share(n))}</td></tr>`,
  );
  return (
    `<table class="failures"><caption>Failed requests by kind, of ${esc(arrived.toLocaleString("en-US"))} arrived</caption>` +
    `<thead><tr><th scope="col">Failure</th><th scope="col" class="num">Requests</th><th scope="col" class="num">Share</th></tr></thead>` +
    `<tbody>${rows.join("")}</tbody><tfoot><tr><th scope="row">All failures</th><td class="num">${esc(total.toLocaleString("en-US"))}</td><td class="num">${esc(share(total))}</td></tr></tfoot></table>`
  );
}

export function classesHtml(result: Result): string {
  const rows = Object.entries(result.requests.byClass).map(
    ([name, c]) =>
      `<tr><th scope="row">${esc(name)}</th><td class="num">${esc(c.arrived.toLocaleString("en-US"))}</td><td class="num">${esc(c.completed.toLocaleString("en-US"))}</td>` +
      `<td class="num">${esc(c.attempts.toLocaleString("en-US"))}</td><td class="num">${esc(formatValue(c.latencyMean, "duration"))}</td><td class="num">${esc(formatValue(c.waitMean, "duration"))}</td></tr>`,
  );
  return (
    `<div class="scroll" tabindex="0" role="region" aria-label="Figures per request class"><table><caption>Figures per request class</caption>` +
    `<thead><tr><th scope="col">Class</th><th scope="col" class="num">Arrived</th><th scope="col" class="num">Completed</th><th scope="col" class="num">Attempts</th><th scope="col" class="num">Mean latency</th><th scope="col" class="num">Mean wait</th></tr></thead>` +
    `<tbody>${rows.join("")}</tbody></table></div>`
  );
}
