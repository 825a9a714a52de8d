// Every interleaving of a small racy program, found by syslab's explorer: the outcomes it can end
// in, how many executions end in each, and the shortest schedule that breaks it, step by step.
// "Add the lock" changes one thing: each thread's steps run between lock m and unlock m.
import checkThenAct from "../../../../examples/programs/check-then-act.json";
import lazyInit from "../../../../examples/programs/lazy-init.json";
import lostUpdate from "../../../../examples/programs/lost-update.json";
import { exploreProgram } from "./explore-program";
import { formatNumber } from "./number-format";
import { scheduleFigure } from "./schedule-figure";
import type { Params, WidgetModel, WidgetView } from "./view";

/** A program a widget offers, and the shared variable whose final value its histogram counts. */
export interface WatchedProgram {
  title: string;
  program: unknown;
  watch: string;
}

export const PROGRAMS: Record<string, WatchedProgram> = {
  "lost-update": { title: "Lost update (read, add 1, write)", program: lostUpdate, watch: "counter" },
  "check-then-act": { title: "Check-then-act (book a free seat)", program: checkThenAct, watch: "booked" },
  "lazy-init": { title: "Lazy initialisation", program: lazyInit, watch: "created" },
};

type Thread = { name: string; steps?: unknown[]; copy?: string };

/** The program, with each thread's steps inside one mutex when `fix` is "lock". */
export function programFor(name: string, fix: string, programs = PROGRAMS): Record<string, unknown> {
  const program = structuredClone(programs[name]!.program) as Record<string, unknown> & { threads: Thread[] };
  if (fix !== "lock") return program;
  program.name = `${program.name}, with a lock`;
  for (const thread of program.threads) {
    if (thread.steps) thread.steps = [{ lock: "m" }, ...thread.steps, { unlock: "m" }];
  }
  return program;
}

/**
 * A widget that explores the chosen program and shows its final outcomes and the shortest failing
 * schedule. With `lockFix`, a "fix" parameter of "lock" wraps each thread's steps in one mutex.
 */
export function outcomeExplorer(
  name: string,
  programs: Record<string, WatchedProgram>,
  lockFix: boolean,
): WidgetModel {
  const first = Object.keys(programs)[0]!;
  const compute = (params: Params): WidgetView => {
    const id = String(params.program) in programs ? String(params.program) : first;
    const fix = lockFix ? String(params.fix) : "none";
    const program = programFor(id, fix, programs);
    const { watch, title } = programs[id]!;
    const result = exploreProgram(program);
    const failure = result.violations.find((v) => v.kind === "final" || v.kind === "assert");
    const races = result.violations.filter((v) => v.kind === "data-race").length;
    const outcomes = result.outcomes.map((o): [number, number] => [o.shared[watch]!, o.count]);
    const schedule = failure?.schedule ?? result.outcomes[0]?.schedule ?? [];
    const lockText = !lockFix
      ? ""
      : fix === "lock"
        ? ", with each thread's steps under one lock"
        : ", as written";
    const summary = failure
      ? `${title}${lockText}: ${formatNumber(result.executions, 0)} executions cover every interleaving; ` +
        `${outcomes.map(([v, n]) => `${watch} = ${v} in ${n}`).join(", ")}. The check fails after ${failure.preemptions} ` +
        `preemption${failure.preemptions === 1 ? "" : "s"}: ${failure.message}`
      : `${title}${lockText}: ${formatNumber(result.executions, 0)} executions cover every interleaving and all end with ` +
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
        scheduleFigure(schedule, failure !== undefined, {
          variable: watch,
          initial: (program.shared as Record<string, number>)[watch] ?? 0,
        }),
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
  };
  return { name, defaults: lockFix ? { program: first, fix: "none" } : { program: first }, compute };
}

export const raceExplorer = outcomeExplorer("race-explorer", PROGRAMS, true);
