/** The readable summary of exploring a program: the search, the outcomes, each violation with its schedule. */
import type { ExplorerResult, TraceStep } from "@syslab/sim-core";
import { textTable } from "./text-table";

const count = (n: number) => n.toLocaleString("en-US");

export function formatProgramSummary(result: ExplorerResult, file: string): string {
  const lines = [
    result.name ?? file,
    `  program ${file}, memory model ${result.memoryModel}, hash ${result.programHash.slice(0, 12)}, engine ${result.engine.version}`,
    `  ${result.strategy} search: ${count(result.executions)} executions, ${count(result.states)} distinct states, ` +
      `${result.exhaustive ? "exhaustive" : "not exhaustive"}`,
  ];
  if (result.stopped !== undefined) lines.push(`  ${result.stopped.message}`);
  lines.push(
    "",
    textTable(
      ["outcome", "executions"],
      result.outcomes.map((o) => [
        Object.entries(o.shared)
          .map(([k, v]) => `${k}=${v}`)
          .join(" "),
        count(o.count),
      ]),
    ),
    "",
  );
  if (result.violations.length === 0) lines.push("no violations found");
  for (const v of result.violations) {
    lines.push(`${v.kind} (${v.preemptions} preemption${v.preemptions === 1 ? "" : "s"}): ${v.message}`);
    v.schedule.forEach((step, i) => {
      if (v.cycleStart === i) lines.push("    ── repeats from here ──");
      lines.push(`    ${String(i + 1).padStart(3)}. ${traceLine(step)}`);
    });
    lines.push("");
  }
  return `${lines.join("\n")}\n`;
}

function traceLine(step: TraceStep): string {
  const buffer =
    step.buffer === undefined || step.buffer.length === 0
      ? ""
      : `  [buffer: ${step.buffer.map((b) => `${b.variable}=${b.value}`).join(", ")}]`;
  return `${step.thread.padEnd(8)} ${step.action}${step.preemption ? "  (preempts)" : ""}${buffer}`;
}
