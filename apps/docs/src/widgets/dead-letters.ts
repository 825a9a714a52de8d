// Poison messages and the dead-letter queue: a fraction of messages can never be processed. Each is
// received maxReceives times (SQS redrive) or run 1 + maxRetries times (Celery retry) before it is
// parked, so the dead letters are about p × N and the worker time they burn is that count × attempts ×
// the time one attempt holds a process.
import deadLetter from "../../../../examples/jobs/dead-letter.json";
import retries from "../../../../examples/jobs/retries.json";
import { formatDuration, formatNumber, formatPercent } from "./number-format";
import { cachedSimulate } from "./run-cache";
import type { Params, WidgetModel, WidgetView } from "./view";

export const POISON = [0.01, 0.05, 0.1, 0.2];
export const RECEIVES = [1, 2, 3, 5];
export const MODES = ["redrive", "retry"];
/** Messages published per second for PUBLISHING seconds; the run lasts long enough to drain. */
export const RATE = 1;
export const PUBLISHING = 300;
export const PROCESSES = 64;
/** The run: publishing, then 100 s for the last poison message to use up its attempts. */
const DURATION = PUBLISHING + 100;
/** A good task's service time (s). */
export const GOOD_SERVICE = 0.1;
/**
 * How long one attempt at a poison message holds a process (s). Redrive: it hangs for the
 * dead-letter example's 10 s, past the 1 s visibility timeout, so it is never deleted and comes back;
 * retry: it raises after the good task's 100 ms and Celery publishes a retry.
 */
export function poisonService(mode: string): number {
  return mode === "redrive" ? 10 : GOOD_SERVICE;
}

type Result = ReturnType<typeof cachedSimulate>;

function scenarioAt(p: number, receives: number, mode: string): unknown {
  const base = structuredClone(mode === "redrive" ? deadLetter : retries) as {
    name?: string;
    run: { duration: string };
    workload: { arrival: unknown; requests: unknown[] };
    components: Record<string, Record<string, unknown>>;
  };
  const good = { name: "good", steps: [{ service: `${GOOD_SERVICE * 1000}ms` }] };
  const poison =
    mode === "redrive"
      ? { name: "poison", steps: [{ service: `${poisonService(mode)}s` }] }
      : {
          ...(retries.workload.requests[0]!.steps[0]!.task as Record<string, unknown>),
          name: "poison",
          steps: [{ service: `${GOOD_SERVICE * 1000}ms` }],
          retry: { ...retries.workload.requests[0]!.steps[0]!.task.retry, maxRetries: receives - 1 },
        };
  base.run.duration = `${DURATION}s`;
  base.workload.arrival = {
    process: "poisson",
    rate: [
      { from: 0, rate: RATE },
      { from: `${PUBLISHING}s`, rate: 0 },
    ],
  };
  base.workload.requests = [
    { name: "good", weight: 1 - p, steps: [{ publish: "jobs", task: good }] },
    { name: "poison", weight: p, steps: [{ publish: "jobs", task: poison }] },
  ];
  if (mode === "redrive") base.components.jobs!.maxReceives = receives;
  base.components.work = { type: "workers", broker: "jobs", processes: PROCESSES, acks: "late" };
  base.name =
    mode === "redrive"
      ? `${formatPercent(p)} poison messages, maxReceives ${receives}, then the dead-letter queue`
      : `${formatPercent(p)} poison tasks, ${receives - 1} retries with backoff, then failed for good`;
  return base;
}

interface Figures {
  parked: number;
  poison: number;
  published: number;
  executions: number;
  /** Process-seconds spent on poison messages: all busy time less the good tasks' share. */
  poisonTime: number;
  busyTime: number;
}

function figures(result: Result, mode: string): Figures {
  const jobs = result.components.jobs as unknown as {
    published: number;
    deadLettered: number;
    failed: number;
    executions: number;
  };
  const work = result.components.work!;
  const busyTime = work.utilization * PROCESSES * DURATION;
  const good = result.requests.byClass.good?.arrived ?? 0;
  return {
    parked: mode === "redrive" ? jobs.deadLettered : jobs.failed,
    poison: result.requests.byClass.poison?.arrived ?? 0,
    published: jobs.published,
    executions: jobs.executions,
    poisonTime: busyTime - good * GOOD_SERVICE,
    busyTime,
  };
}

function compute(params: Params): WidgetView {
  const p = Number(params.poison);
  const receives = Number(params.receives);
  const mode = String(params.mode);
  const focus = scenarioAt(p, receives, mode);
  const result = cachedSimulate(focus);
  const f = figures(result, mode);
  const share = f.poisonTime / f.busyTime;
  const sweep = RECEIVES.map((r) => ({ r, f: figures(cachedSimulate(scenarioAt(p, r, mode)), mode) }));
  const parkedName = mode === "redrive" ? "dead-lettered" : "failed for good";
  const summary =
    `Of ${f.published} messages, ${f.poison} were poison and ${f.parked} ended ${parkedName} ` +
    `(p × N = ${formatNumber(p * f.published, 1)}). They took ${formatDuration(f.poisonTime)} of worker time, ` +
    `${receives} × ${formatDuration(poisonService(mode))} each, ${formatPercent(share)} of all the work done.`;
  return {
    chart: {
      title: "Worker time spent on poison messages, by attempts per message",
      summary,
      xLabel: mode === "redrive" ? "maxReceives" : "Attempts (1 + maxRetries)",
      yLabel: "Process-seconds on poison messages",
      series: [
        {
          name: "Theory: poison × attempts × time per attempt",
          style: "line",
          points: sweep.map(({ r, f: g }): [number, number] => [r, g.poison * r * poisonService(mode)]),
        },
        {
          name: "Simulated",
          style: "points",
          emphasis: true,
          points: sweep.map(({ r, f: g }): [number, number] => [r, g.poisonTime]),
        },
      ],
    },
    table: {
      caption: `Poison messages and the worker time they take (${formatPercent(p)} poison, ${mode})`,
      columns: ["Attempts", "Poison", "Parked", "Executions", "Worker time on poison", "Share of work"],
      rows: sweep.map(({ r, f: g }) => [
        String(r),
        String(g.poison),
        String(g.parked),
        String(g.executions),
        formatDuration(g.poisonTime),
        formatPercent(g.poisonTime / g.busyTime),
      ]),
    },
    numbers: [
      {
        id: "parked",
        label: mode === "redrive" ? "Messages in the dead-letter queue" : "Tasks failed for good",
        value: f.parked,
        text: String(f.parked),
        field: mode === "redrive" ? "components.jobs.deadLettered" : "components.jobs.failed",
      },
      {
        id: "expected",
        label: "p × messages published",
        value: p * f.published,
        text: formatNumber(p * f.published, 1),
      },
      {
        id: "executions",
        label: "Executions",
        value: f.executions,
        text: String(f.executions),
        field: "components.jobs.executions",
      },
      {
        id: "poison-time",
        label: "Worker time on poison",
        value: f.poisonTime,
        text: formatDuration(f.poisonTime),
      },
      {
        id: "poison-share",
        label: "Share of worker time on poison",
        value: share,
        text: formatPercent(share),
      },
    ],
    scenario: focus,
  };
}

export const deadLetters: WidgetModel = {
  name: "dead-letters",
  defaults: { poison: 0.05, receives: 3, mode: "redrive" },
  compute,
};
