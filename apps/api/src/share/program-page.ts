// The share page's body for an explored program: the search in numbers, the outcomes with their
// counts, and each violation with its counterexample, step by step. Readable without scripts.

import { escapeXml as esc, formatValue } from "@syslab/charts";
import type { ExplorerResult, TraceStep } from "@syslab/sim-core";

/** Whether a stored result is an explorer's (a program's) rather than a simulation's. */
export function isExplorerResult(result: unknown): result is ExplorerResult {
  return typeof result === "object" && result !== null && "programHash" in result && "outcomes" in result;
}

export function programDescription(result: ExplorerResult): string {
  const kinds = [...new Set(result.violations.map((v) => v.kind))];
  const found = kinds.length === 0 ? "no violation" : `violations: ${kinds.join(", ")}`;
  return `${formatValue(result.executions, "number")} executions, ${result.outcomes.length} outcomes, ${found} — explored with syslab.`;
}

export function programBody(result: ExplorerResult): string {
  const numbers: [string, string][] = [
    ["Executions", formatValue(result.executions, "number")],
    ["Distinct states", formatValue(result.states, "number")],
    ["Search", `${result.strategy}${result.exhaustive ? ", exhaustive" : ", not exhaustive"}`],
    ["Memory model", result.memoryModel === "tso" ? "x86-TSO" : "sequential consistency"],
    ["Outcomes", String(result.outcomes.length)],
    ["Violations", String(result.violations.length)],
  ];
  let body = `<dl>${numbers.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join("")}</dl>`;
  if (result.stopped) body += `<p>${esc(result.stopped.message)}</p>`;
  body += "<h2>Outcomes</h2><table><caption>Shared memory when every thread has finished</caption>";
  body += '<thead><tr><th scope="col">outcome</th><th scope="col">executions</th></tr></thead><tbody>';
  for (const o of result.outcomes) {
    const shared = Object.entries(o.shared)
      .map(([k, v]) => `${k} = ${v}`)
      .join(", ");
    body += `<tr><td><code>${esc(shared)}</code></td><td>${esc(formatValue(o.count, "number"))}</td></tr>`;
  }
  body += "</tbody></table>";
  body += "<h2>Violations</h2>";
  if (result.violations.length === 0) body += "<p>None found.</p>";
  for (const v of result.violations) {
    const preemptions = `${v.preemptions} preemption${v.preemptions === 1 ? "" : "s"}`;
    body += `<section><h3>${esc(v.kind)} · ${esc(preemptions)}</h3><p>${esc(v.message)}</p><ol>`;
    v.schedule.forEach((step, i) => {
      const repeat = v.cycleStart === i ? ' class="repeat" title="the cycle repeats from here"' : "";
      body += `<li${repeat}>${traceItem(step)}</li>`;
    });
    body += "</ol></section>";
  }
  return body;
}

function traceItem(step: TraceStep): string {
  const buffer =
    step.buffer && step.buffer.length > 0
      ? ` <small>buffer: ${esc(step.buffer.map((b) => `${b.variable} = ${b.value}`).join(", "))}</small>`
      : "";
  return `<strong>${esc(step.thread)}</strong> ${esc(step.action)}${step.preemption ? " <em>(preempts)</em>" : ""}${buffer}`;
}
