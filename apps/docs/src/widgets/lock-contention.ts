// A contended lock as a queue with one server: threads loop between work outside the lock and a
// critical section only one of them may run at a time. The wait for the lock against the number of
// threads, for several critical-section lengths, beside mean value analysis.
import example from "../../../../examples/docs/lock-contention.json";
import { meanValueAnalysis } from "./mean-value-analysis";
import { formatDuration, formatNumber, formatPercent } from "./number-format";
import { cachedSimulate } from "./run-cache";
import type { Params, WidgetModel, WidgetView } from "./view";

type Scenario = typeof example;

export const THREADS = [1, 2, 4, 8, 16, 32, 64];
/** Microseconds inside the lock: one line each on the chart. */
export const INSIDE_US = [20, 100, 500];
/** Microseconds of work between one critical section and the next. */
export const OUTSIDE_US = [200, 1000, 5000];

function scenarioAt(threads: number, insideUs: number, outsideUs: number): Scenario {
  const scenario = structuredClone(example);
  const outside = outsideUs >= 1000 ? `${outsideUs / 1000} ms` : `${outsideUs} us`;
  scenario.name = `${threads} thread${threads === 1 ? "" : "s"} sharing one lock: ${insideUs} us inside it, ${outside} of work outside`;
  scenario.workload.clients.users = threads;
  scenario.workload.clients.think = { exp: outsideUs >= 1000 ? `${outsideUs / 1000}ms` : `${outsideUs}us` };
  scenario.workload.requests[0]!.steps = [{ service: { exp: `${insideUs}us` } }];
  return scenario;
}

function theory(threads: number, insideUs: number, outsideUs: number) {
  const mva = meanValueAnalysis(threads, outsideUs / 1e6, insideUs / 1e6);
  return { wait: mva.responseTime - insideUs / 1e6, throughput: mva.throughput };
}

function compute(params: Params): WidgetView {
  const threads = Number(params.threads);
  const insideUs = Number(params.inside);
  const outsideUs = Number(params.outside);
  const lines = INSIDE_US.map((inside) => ({
    inside,
    rows: THREADS.map((n) => ({ threads: n, result: cachedSimulate(scenarioAt(n, inside, outsideUs)) })),
  }));
  const focus = scenarioAt(threads, insideUs, outsideUs);
  const result = cachedSimulate(focus);
  const expected = theory(threads, insideUs, outsideUs);
  const lock = result.components.lock!;
  // One thread never waits: its rate is the ceiling of a lock-free loop, 1 / (outside + inside).
  const alone = 1e6 / (outsideUs + insideUs);
  const ceiling = 1e6 / insideUs;
  // Amdahl's bound: the serial part is inside / (inside + outside) of each loop.
  const bestSpeedup = (outsideUs + insideUs) / insideUs;
  const chosenLine = lines.find((l) => l.inside === insideUs)!;
  const waitAt = (n: number) => chosenLine.rows.find((r) => r.threads === n)!.result.wait.mean;
  const most = THREADS[THREADS.length - 1]!;
  const outsideText = formatDuration(outsideUs / 1e6);

  const summary =
    `With ${insideUs} µs inside the lock and ${outsideText} outside, a thread waits ${formatDuration(waitAt(2))} for it ` +
    `on average with 2 threads, ${formatDuration(waitAt(8))} with 8 and ${formatDuration(waitAt(most))} with ${most}, ` +
    `as mean value analysis predicts. Acquisitions never pass 1 / ${insideUs} µs = ${formatNumber(ceiling, 0)} /s, so beyond ` +
    `about ${formatNumber(bestSpeedup, 0)} threads each extra thread only waits; ${threads} threads: ` +
    `${formatDuration(result.wait.mean)} of wait, the lock busy ${formatPercent(lock.utilization)}.`;

  return {
    chart: {
      title: `Mean wait for the lock vs threads, ${outsideText} of work outside it`,
      summary,
      xLabel: "Threads",
      yLabel: "Mean wait for the lock (µs)",
      series: [
        ...lines.map((line) => ({
          name: `${line.inside} µs inside, simulated`,
          style: "line" as const,
          emphasis: line.inside === insideUs,
          points: line.rows.map((r): [number, number] => [r.threads, r.result.wait.mean * 1e6]),
        })),
        {
          name: `Theory (mean value analysis), ${insideUs} µs`,
          style: "points",
          points: THREADS.map((n): [number, number] => [n, theory(n, insideUs, outsideUs).wait * 1e6]),
        },
        { name: "This run", style: "points", points: [[threads, result.wait.mean * 1e6]] },
      ],
    },
    table: {
      caption: `Mean wait for the lock and acquisitions per second by threads, ${outsideText} outside the lock`,
      columns: [
        "Threads",
        ...INSIDE_US.flatMap((inside) => [
          `${inside} µs: wait`,
          `${inside} µs: theory`,
          `${inside} µs: per second`,
        ]),
      ],
      rows: THREADS.map((n, i) => [
        String(n),
        ...lines.flatMap((line) => [
          formatDuration(line.rows[i]!.result.wait.mean),
          formatDuration(theory(n, line.inside, outsideUs).wait),
          formatNumber(line.rows[i]!.result.throughput, 0),
        ]),
      ]),
    },
    numbers: [
      {
        id: "mean-wait",
        label: "Mean wait for the lock",
        value: result.wait.mean,
        text: formatDuration(result.wait.mean),
        field: "wait.mean",
      },
      {
        id: "theory-wait",
        label: "Theory (mean value analysis)",
        value: expected.wait,
        text: formatDuration(expected.wait),
      },
      {
        id: "p99-wait",
        label: "p99 wait",
        value: result.wait.p99,
        text: formatDuration(result.wait.p99),
        field: "wait.p99",
      },
      {
        id: "lock-busy",
        label: "Lock held",
        value: lock.utilization,
        text: formatPercent(lock.utilization, 1),
        field: "components.lock.utilization",
      },
      {
        id: "throughput",
        label: "Critical sections per second",
        value: result.throughput,
        text: `${formatNumber(result.throughput, 0)} /s`,
        field: "throughput",
      },
      {
        id: "speedup",
        label: `Speed-up over 1 thread (at most ${formatNumber(bestSpeedup, 0)}×)`,
        value: result.throughput / alone,
        text: `${formatNumber(result.throughput / alone, 1)}×`,
      },
    ],
    scenario: focus,
  };
}

export const lockContention: WidgetModel = {
  name: "lock-contention",
  defaults: { threads: example.workload.clients.users, inside: 100, outside: 1000 },
  compute,
};
