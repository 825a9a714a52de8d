/**
 * `npm run calibrate -- --resimulate`: keeps every measured figure of the committed calibration run
 * and simulates its twins again with this engine — the compared figures, their ratios and the
 * charts' syslab lines. A new engine version moves simulated figures, never measured ones, so the
 * "Predicted vs measured" page can follow the engine without a new (slow, machine-bound) measurement.
 */
import type { Result } from "@syslab/sim-core";
import type { CaseResult } from "./case-result";
import { syslabBurstCurve } from "./cases/accept-queue";
import { simulateTwin } from "./twin";
import { twinFigure } from "./twin-figures";

type Points = [number, number][];

const PERCENTILES = [50, 90, 99] as const;
const percentiles = (result: Result): Points =>
  PERCENTILES.map((p) => [p, twinFigure(result, `latency.p${p}`)]);
/** The chart points of a sweep: each x with the throughput of the twin it names. */
const throughputs = (sim: (key: string) => Result, keys: [number, string][]): Points =>
  keys.map(([x, key]) => [x, twinFigure(sim(key), "throughput")]);

/** Each case's syslab chart lines, from its (already simulated) twins, by chart id and line name. */
const SYSLAB_LINES: Record<
  string,
  (chart: string, line: string, sim: (key: string) => Result, c: CaseResult) => Points
> = {
  "accept-queue": (chart, _line, _sim, c) => syslabBurstCurve(c.twins[chart.replace(/^accept-queue-/, "")]),
  "event-loop": (_chart, line, sim) =>
    percentiles(sim(line.startsWith("light only") ? "light-only" : "with-heavy")),
  gil: (_chart, line, sim) => {
    const mode = line.startsWith("threads") ? "threads" : "prefork";
    return throughputs(
      sim,
      [1, 2, 4].map((n) => [n, `${mode}-${n}`]),
    );
  },
  postgres: (_chart, line, sim) => percentiles(sim(line.startsWith("direct") ? "direct" : "pgbouncer")),
  "thread-pool": (_chart, _line, sim, c) =>
    throughputs(
      sim,
      Object.keys(c.twins).map((key) => [Number(key.replace(/^threads-/, "")), key]),
    ),
};

export function resimulateCase(c: CaseResult): CaseResult {
  const results = new Map<string, Result>();
  const sim = (key: string): Result => {
    let result = results.get(key);
    if (result === undefined) {
      result = simulateTwin(c.twins[key]);
      results.set(key, result);
    }
    return result;
  };
  const comparisons = c.comparisons.map((row) => {
    const simulated = twinFigure(sim(row.twin), row.figure);
    return { ...row, simulated, ratio: row.real !== 0 ? simulated / row.real : null };
  });
  const lines = SYSLAB_LINES[c.name];
  if (lines === undefined) throw new Error(`no way to redraw the syslab lines of case ${c.name}`);
  const charts = c.charts.map((chart) => ({
    ...chart,
    series: chart.series.map((s) =>
      /(^|, )syslab$/.test(s.name) ? { ...s, points: lines(chart.id, s.name, sim, c) } : s,
    ),
  }));
  return { ...c, comparisons, charts };
}
