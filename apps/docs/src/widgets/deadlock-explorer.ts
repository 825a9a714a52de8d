// Programs that stop making progress, and their fixes: two locks taken in opposite order, dining
// philosophers, the polite hallway. The explorer searches with preemption bounds 0, 1, 2, … and
// reports a deadlock (with its wait-for cycle) or a livelock, with the schedule that shows it.
import diningPhilosophers from "../../../../examples/programs/dining-philosophers.json";
import diningPhilosophersOrdered from "../../../../examples/programs/dining-philosophers-ordered.json";
import politeHallway from "../../../../examples/programs/polite-hallway.json";
import politeHallwayPriority from "../../../../examples/programs/polite-hallway-priority.json";
import twoLocksDeadlock from "../../../../examples/programs/two-locks-deadlock.json";
import twoLocksOrdered from "../../../../examples/programs/two-locks-ordered.json";
import { exploreProgram } from "./explore-program";
import { formatNumber } from "./number-format";
import { scheduleFigure } from "./schedule-figure";
import type { Params, WidgetModel, WidgetView } from "./view";

export const STUCK_PROGRAMS: Record<
  string,
  { title: string; asWritten: unknown; fixed: unknown; fix: string }
> = {
  "two-locks": {
    title: "Two locks taken in opposite order",
    asWritten: twoLocksDeadlock,
    fixed: twoLocksOrdered,
    fix: "both threads take m1 before m2",
  },
  "dining-philosophers": {
    title: "Three dining philosophers",
    asWritten: diningPhilosophers,
    fixed: diningPhilosophersOrdered,
    fix: "every philosopher takes the lower-numbered fork first",
  },
  "polite-hallway": {
    title: "The polite hallway",
    asWritten: politeHallway,
    fixed: politeHallwayPriority,
    fix: "only B steps aside",
  },
};

/** The version of the chosen program the widget explores: "fixed" or as written. */
export function stuckProgramFor(id: string, version: string): unknown {
  const entry = STUCK_PROGRAMS[id] ?? STUCK_PROGRAMS["two-locks"]!;
  return version === "fixed" ? entry.fixed : entry.asWritten;
}

function compute(params: Params): WidgetView {
  const id = String(params.program) in STUCK_PROGRAMS ? String(params.program) : "two-locks";
  const version = params.version === "fixed" ? "fixed" : "as-written";
  const { title, fix } = STUCK_PROGRAMS[id]!;
  const program = stuckProgramFor(id, version);
  const result = exploreProgram(program);
  const found = result.violations.find((v) => v.kind === "deadlock" || v.kind === "livelock");
  const schedule = found?.schedule ?? result.outcomes[0]?.schedule ?? [];
  const label = `${title}${version === "fixed" ? `, fixed (${fix})` : ", as written"}`;
  // The unbounded last pass (preemptions null) is drawn one bound past the last bounded one.
  const passes = result.passes ?? [];
  const points = passes.map((p, i): [number, number] => [p.preemptions ?? i, p.executions]);
  const executions = formatNumber(result.executions, 0);
  const summary = found
    ? `${label}: found after ${found.preemptions} preemption${found.preemptions === 1 ? "" : "s"}, in ${executions} ` +
      `executions. ${found.message}`
    : `${label}: no deadlock or livelock in ${executions} executions, which cover every schedule up to the order of independent steps` +
      `${result.exhaustive ? "" : " the budget allowed"}; every thread finishes.`;
  return {
    chart: {
      title: "Executions explored with at most k preemptions",
      summary,
      xLabel: "Preemption bound k",
      yLabel: "Executions",
      series: [{ name: "Executions", style: "line", emphasis: true, points }],
    },
    table: {
      caption: "The search, bound by bound",
      columns: ["Preemption bound", "Executions"],
      rows: passes.map((p) => [
        p.preemptions === null ? "none" : String(p.preemptions),
        String(p.executions),
      ]),
    },
    extraFigures: [scheduleFigure(schedule, found !== undefined)],
    numbers: [
      {
        id: "found",
        label: "What the explorer finds",
        value: found ? 1 : 0,
        text: found
          ? found.kind === "deadlock"
            ? `deadlock ${found.cycle?.join(" → ")}`
            : "livelock"
          : "no bug",
      },
      {
        id: "executions",
        label: "Executions explored",
        value: result.executions,
        text: executions,
        field: "executions",
      },
      {
        id: "preemptions",
        label: "Preemptions to get stuck",
        value: found?.preemptions ?? -1,
        text: found ? String(found.preemptions) : "never",
      },
      {
        id: "states",
        label: "Distinct states",
        value: result.states,
        text: formatNumber(result.states, 0),
        field: "states",
      },
    ],
    scenario: program,
  };
}

export const deadlockExplorer: WidgetModel = {
  name: "deadlock-explorer",
  defaults: { program: "two-locks", version: "as-written" },
  compute,
};
