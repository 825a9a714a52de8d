// Every interleaving of a small racy program, found by syslab's explorer: the outcomes it can end
// in, how many executions end in each, and the shortest schedule that breaks it, step by step.
// "Add the lock" changes one thing: each thread's steps run between lock m and unlock m.
import { type ExplorerResult, parseDocument, runDocument } from "@syslab/sim-core";
import checkThenAct from "../../../../examples/programs/check-then-act.json";
import lazyInit from "../../../../examples/programs/lazy-init.json";
import lostUpdate from "../../../../examples/programs/lost-update.json";
import { formatNumber } from "./number-format";
import type { Params, WidgetModel, WidgetView } from "./view";

export const PROGRAMS: Record<string, { title: string; program: unknown; watch: string }> = {
  "lost-update": { title: "Lost update (read, add 1, write)", program: lostUpdate, watch: "counter" },
  "check-then-act": { title: "Check-then-act (book a free seat)", program: checkThenAct, watch: "booked" },
  "lazy-init": { title: "Lazy initialisation", program: lazyInit, watch: "created" },
};

type Thread = { name: string; steps?: unknown[]; copy?: string };

/** The program, with each thread's steps inside one mutex when `fix` is "lock". */
export function programFor(name: string, fix: string): Record<string, unknown> {
  const program = structuredClone(PROGRAMS[name]!.program) as Record<string, unknown> & { threads: Thread[] };
  if (fix !== "lock") return program;
  program.name = `${program.name}, with a lock`;
  for (const thread of program.threads) {
    if (thread.steps) thread.steps = [{ lock: "m" }, ...thread.steps, { unlock: "m" }];
  }
  return program;
}

const cache = new Map<string, ExplorerResult>();

function explore(program: unknown): ExplorerResult {
  const key = JSON.stringify(program);
  let result = cache.get(key);
  if (!result) {
    const parsed = parseDocument(program);
    if (!parsed.ok) throw new Error(`invalid program: ${parsed.problems[0]?.message}`);
    const run = runDocument(parsed.document);
    if (run.kind !== "program") throw new Error("not a program");
    result = run.output;
    cache.set(key, result);
  }
  return result;
}

function compute(params: Params): WidgetView {
  const name = String(params.program) in PROGRAMS ? String(params.program) : "lost-update";
  const fix = String(params.fix);
  const program = programFor(name, fix);
  const { watch, title } = PROGRAMS[name]!;
  const result = explore(program);
  const failure = result.violations.find((v) => v.kind === "final" || v.kind === "assert");
  const races = result.violations.filter((v) => v.kind === "data-race").length;
  const outcomes = result.outcomes.map((o): [number, number] => [o.shared[watch]!, o.count]);
  const schedule = failure?.schedule ?? result.outcomes[0]?.schedule ?? [];
  // Memory's value of the watched variable after each step of the schedule.
  let value = (program.shared as Record<string, number>)[watch] ?? 0;
  const timeline = schedule.map((step, i): [number, number] => {
    if (step.wrote?.variable === watch) value = step.wrote.value;
    return [i + 1, value];
  });
  const lockText = fix === "lock" ? "with each thread's steps under one lock" : "as written";
  const summary = failure
    ? `${title}, ${lockText}: ${formatNumber(result.executions, 0)} executions cover every interleaving; ` +
      `${outcomes.map(([v, n]) => `${watch} = ${v} in ${n}`).join(", ")}. The check fails after ${failure.preemptions} ` +
      `preemption${failure.preemptions === 1 ? "" : "s"}: ${failure.message}`
    : `${title}, ${lockText}: ${formatNumber(result.executions, 0)} executions cover every interleaving and all end with ` +
      `${outcomes.map(([v]) => `${watch} = ${v}`).join(" or ")}: no schedule breaks it.`;
  return {
    chart: {
      title: `Final ${watch}: executions ending in each value`,
      summary,
      xLabel: `Final ${watch}`,
      yLabel: "Executions",
      series: [{ name: "Executions", style: "points", emphasis: true, points: outcomes }],
    },
    table: {
      caption: `Executions explored, by final value of ${watch}`,
      columns: [`Final ${watch}`, "Executions", "Shared memory at the end"],
      rows: result.outcomes.map((o) => [
        String(o.shared[watch]),
        String(o.count),
        Object.entries(o.shared)
          .map(([k, v]) => `${k} = ${v}`)
          .join(", "),
      ]),
    },
    extraFigures: [
      {
        chart: {
          title: failure ? "The shortest failing schedule, step by step" : "One schedule, step by step",
          summary: failure
            ? `Step by step: ${schedule.map((s, i) => `${i + 1}. ${s.thread} ${s.action}${s.preemption ? " (preempts)" : ""}`).join("; ")}.`
            : `No schedule fails; one of them: ${schedule.map((s, i) => `${i + 1}. ${s.thread} ${s.action}`).join("; ")}.`,
          xLabel: "Step",
          yLabel: `${watch} in memory`,
          series: [{ name: `${watch} in memory`, style: "line", points: timeline }],
        },
        table: {
          caption: failure ? "The failing schedule" : "One schedule",
          columns: ["Step", "Thread", "What it does", "Preempts"],
          rows: schedule.map((s, i) => [String(i + 1), s.thread, s.action, s.preemption ? "yes" : ""]),
        },
      },
    ],
    numbers: [
      {
        id: "executions",
        label: "Executions explored",
        value: result.executions,
        text: formatNumber(result.executions, 0),
        field: "executions",
      },
      {
        id: "outcomes",
        label: "Distinct outcomes",
        value: result.outcomes.length,
        text: String(result.outcomes.length),
      },
      {
        id: "preemptions",
        label: "Preemptions to fail",
        value: failure?.preemptions ?? -1,
        text: failure ? String(failure.preemptions) : "never fails",
      },
      { id: "races", label: "Data races", value: races, text: String(races) },
    ],
    scenario: program,
  };
}

export const raceExplorer: WidgetModel = {
  name: "race-explorer",
  defaults: { program: "lost-update", fix: "none" },
  compute,
};
