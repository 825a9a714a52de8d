// Acks and crashes: workers that crash while running tasks lose them with early acks and run them again
// with late acks; and a visibility timeout shorter than the task delivers it again while it still runs.
import example from "../../../../examples/docs/acks-and-crashes.json";
import { formatDuration, formatNumber } from "./number-format";
import { cachedSimulate } from "./run-cache";
import type { Params, WidgetModel, WidgetView } from "./view";

export const TASK_SECONDS = [5, 10, 20, 40, 80];
export const VISIBILITY_SECONDS = [10, 30, 60, 120];

interface Figures {
  published: number;
  completed: number;
  redelivered: number;
  duplicatesExecuted: number;
  lost: number;
}

/**
 * The default scenario with tasks of `task` seconds (published at 2/task per second for 600 s, so the
 * 4 processes are half busy whatever the length), acks `acks` and a `visibility` second timeout.
 */
function scenarioAt(acks: string, task: number, visibility: number): unknown {
  const scenario = structuredClone(example);
  scenario.workload.arrival.rate[0]!.rate = 2 / task;
  scenario.workload.requests[0]!.steps[0]!.task.steps[0]!.service = `${task}s`;
  scenario.components.jobs.visibilityTimeout = `${visibility}s`;
  scenario.components.work.acks = acks;
  scenario.name = `${task} s tasks, ${acks} acks, a ${visibility} s visibility timeout, workers crashing at 300 s for 30 s`;
  return scenario;
}

function figures(result: ReturnType<typeof cachedSimulate>): Figures {
  const jobs = result.components.jobs as unknown as Figures;
  const work = result.components.work as unknown as { lost: number };
  return { ...jobs, lost: work.lost };
}

function compute(params: Params): WidgetView {
  const acks = String(params.acks);
  const task = Number(params.task);
  const visibility = Number(params.visibility);
  const rows = TASK_SECONDS.map((s) => ({
    task: s,
    early: figures(cachedSimulate(scenarioAt("early", s, visibility))),
    late: figures(cachedSimulate(scenarioAt("late", s, visibility))),
  }));
  const focus = scenarioAt(acks, task, visibility);
  const result = cachedSimulate(focus);
  const f = figures(result);
  const row = rows.find((r) => r.task === task)!;
  const summary =
    `With ${task} s tasks and a ${visibility} s visibility timeout, early acks lose ${row.early.lost} of ${row.early.published} ` +
    `tasks to the crash and run none twice; late acks lose ${row.late.lost} and run ${row.late.duplicatesExecuted} executions twice. ` +
    `A task still running when its visibility timeout runs out is delivered again (at most ⌊S/V⌋ times), crash or not.`;
  const perTask = (n: number, of: number) => (of > 0 ? n / of : 0);
  return {
    chart: {
      title: "Tasks lost and executed twice, by task length",
      summary,
      xLabel: "Task length (s)",
      yLabel: "Per task published",
      series: [
        {
          name: "Lost, early acks",
          style: "line",
          emphasis: acks === "early",
          points: rows.map((r): [number, number] => [r.task, perTask(r.early.lost, r.early.published)]),
        },
        {
          name: "Lost, late acks",
          style: "line",
          emphasis: acks === "late",
          points: rows.map((r): [number, number] => [r.task, perTask(r.late.lost, r.late.published)]),
        },
        {
          name: "Executed again, late acks",
          style: "line",
          emphasis: acks === "late",
          points: rows.map((r): [number, number] => [
            r.task,
            perTask(r.late.duplicatesExecuted, r.late.published),
          ]),
        },
        { name: "This run: lost", style: "points", points: [[task, perTask(f.lost, f.published)]] },
      ],
    },
    table: {
      caption: `Tasks lost and executed again by task length (visibility timeout ${visibility} s, crash at 300 s for 30 s)`,
      columns: [
        "Task length",
        "Published",
        "Lost (early)",
        "Lost (late)",
        "Redelivered (late)",
        "Executed again (late)",
      ],
      rows: rows.map((r) => [
        formatDuration(r.task),
        String(r.late.published),
        String(r.early.lost),
        String(r.late.lost),
        String(r.late.redelivered),
        String(r.late.duplicatesExecuted),
      ]),
    },
    numbers: [
      {
        id: "lost",
        label: `${acks === "early" ? "Early" : "Late"} acks: tasks lost`,
        value: f.lost,
        text: formatNumber(f.lost, 0),
        field: "components.work.lost",
      },
      {
        id: "redelivered",
        label: "Deliveries repeated",
        value: f.redelivered,
        text: formatNumber(f.redelivered, 0),
        field: "components.jobs.redelivered",
      },
      {
        id: "duplicates",
        label: "Executions of a task already started",
        value: f.duplicatesExecuted,
        text: formatNumber(f.duplicatesExecuted, 0),
        field: "components.jobs.duplicatesExecuted",
      },
      {
        id: "completed",
        label: "Tasks completed",
        value: f.completed,
        text: `${formatNumber(f.completed, 0)} of ${formatNumber(f.published, 0)}`,
        field: "components.jobs.completed",
      },
      {
        id: "p99-latency",
        label: "p99 time from publish to result",
        value: result.latency.p99,
        text: formatDuration(result.latency.p99),
        field: "latency.p99",
      },
    ],
    scenario: focus,
  };
}

export const acksAndCrashes: WidgetModel = {
  name: "acks-and-crashes",
  defaults: { acks: "late", task: 20, visibility: 30 },
  compute,
};
