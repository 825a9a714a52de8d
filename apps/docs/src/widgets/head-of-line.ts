// Head-of-line blocking with prefetch: a worker node that reserves tasks behind a long one makes them
// wait for it while another node idles; prefetch 1 with late acks keeps every waiting task in the broker.
import example from "../../../../examples/docs/head-of-line.json";
import { formatDuration } from "./number-format";
import { cachedSimulate } from "./run-cache";
import type { Params, WidgetModel, WidgetView } from "./view";

export const PREFETCH = [1, 2, 4, 8];
export const ACKS = ["late", "early"];

type Result = ReturnType<typeof cachedSimulate>;

/** The default scenario's two one-process nodes with this prefetch multiplier and these acks. */
function scenarioAt(prefetch: number, acks: string): unknown {
  const scenario = structuredClone(example);
  for (const node of [scenario.components.a, scenario.components.b]) {
    node.prefetch = prefetch;
    node.acks = acks;
  }
  scenario.name = `Two one-process workers, prefetch ${prefetch}, ${acks} acks: short tasks behind 20 s ones`;
  return scenario;
}

/**
 * The same work on one node of two processes with -Ofair: a task starts on the first idle process,
 * so nothing waits behind a long task while a process is free (one shared line, an M/G/2 queue).
 */
function sharedLine(): unknown {
  const scenario = structuredClone(example) as { components: Record<string, unknown>; name: string };
  scenario.components = {
    jobs: scenario.components.jobs,
    a: { type: "workers", broker: "jobs", processes: 2, optimization: "fair" },
  };
  scenario.name = "One worker of two processes with -Ofair: one shared line";
  return scenario;
}

const short = (result: Result) => result.requests.byClass.short!;

function compute(params: Params): WidgetView {
  const prefetch = Number(params.prefetch);
  const acks = String(params.acks);
  const sweep = (a: string) => PREFETCH.map((p) => ({ p, result: cachedSimulate(scenarioAt(p, a)) }));
  const late = sweep("late");
  const early = sweep("early");
  const shared = short(cachedSimulate(sharedLine())).latencyMean;
  const focus = scenarioAt(prefetch, acks);
  const result = cachedSimulate(focus);
  const s = short(result);
  const reserved = (result.components.a!.queueLength.mean + result.components.b!.queueLength.mean) / 2;
  const summary =
    `With prefetch ${prefetch} and ${acks} acks short tasks take ${formatDuration(s.latencyMean)} on average; ` +
    `with late acks they take ${formatDuration(short(late[0]!.result).latencyMean)} at prefetch 1 and ` +
    `${formatDuration(short(late[PREFETCH.length - 1]!.result).latencyMean)} at prefetch ${PREFETCH[PREFETCH.length - 1]}. ` +
    `One shared line of two processes (-Ofair) gives ${formatDuration(shared)}.`;
  const line = (rows: typeof late): [number, number][] => rows.map((r) => [r.p, short(r.result).latencyMean]);
  return {
    chart: {
      title: "Mean time of a short task, by prefetch multiplier",
      summary,
      xLabel: "Prefetch multiplier",
      yLabel: "Short task, publish to result (s)",
      series: [
        { name: "Late acks", style: "line", emphasis: acks === "late", points: line(late) },
        { name: "Early acks", style: "line", emphasis: acks === "early", points: line(early) },
        {
          name: "One shared line (-Ofair, 2 processes)",
          style: "line",
          points: PREFETCH.map((p): [number, number] => [p, shared]),
        },
        { name: "This run", style: "points", points: [[prefetch, s.latencyMean]] },
      ],
    },
    table: {
      caption: "Mean time from publish to result by prefetch multiplier (two one-process worker nodes)",
      columns: ["Prefetch", "Short, late acks", "Short, early acks", "Long, late acks", "Long, early acks"],
      rows: PREFETCH.map((p, i) => [
        String(p),
        formatDuration(short(late[i]!.result).latencyMean),
        formatDuration(short(early[i]!.result).latencyMean),
        formatDuration(late[i]!.result.requests.byClass.long!.latencyMean),
        formatDuration(early[i]!.result.requests.byClass.long!.latencyMean),
      ]),
    },
    numbers: [
      {
        id: "short-latency",
        label: "Short task: mean time to result",
        value: s.latencyMean,
        text: formatDuration(s.latencyMean),
        field: "requests.byClass.short.latencyMean",
      },
      {
        id: "long-latency",
        label: "Long task: mean time to result",
        value: result.requests.byClass.long!.latencyMean,
        text: formatDuration(result.requests.byClass.long!.latencyMean),
        field: "requests.byClass.long.latencyMean",
      },
      {
        id: "shared-line",
        label: "Short task with one shared line",
        value: shared,
        text: formatDuration(shared),
      },
      {
        id: "reserved",
        label: "Tasks reserved behind a running one, per node",
        value: reserved,
        text: reserved.toFixed(2),
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

export const headOfLine: WidgetModel = {
  name: "head-of-line",
  defaults: { prefetch: 4, acks: "late" },
  compute,
};
