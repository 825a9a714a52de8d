/**
 * What a calibration case hands back, and what the committed run (the docs page's data) holds:
 * the twin scenarios, each compared figure real beside simulated, the trials with the load they
 * ran under, and chart series of both.
 */
import type { Scenario } from "@syslab/sim-core";
import type { FigureKey } from "./twin-figures";

export interface Comparison {
  /** What is compared, e.g. "backlog 64, 500/s: p99 latency". */
  label: string;
  /** The twin (a key of `twins`) and the figure of its result that is the simulated value. */
  twin: string;
  figure: FigureKey;
  unit: "s" | "per-second" | "fraction";
  real: number;
  simulated: number;
  /** simulated / real. */
  ratio: number;
  /** The per-trial values of the real figure, when it was measured more than once. */
  realTrials?: number[];
  /**
   * The agreement the case holds this figure to: ratio within [1 / factor, factor], or an
   * absolute difference for fractions near zero. Absent: reported, not held to a bound.
   */
  bound?: { factor: number; absolute?: number };
}

export interface ChartSeries {
  name: string;
  points: [number, number][];
}

export interface ChartData {
  id: string;
  title: string;
  xLabel: string;
  yLabel: string;
  xFormat: "number" | "duration" | "percent";
  yFormat: "number" | "duration" | "percent";
  series: ChartSeries[];
}

export interface TrialSummary {
  label: string;
  /** 1-minute load average at the start and end of the trial. */
  load: [number, number];
  figures: Record<string, number | string | Record<string, number>>;
}

export interface CaseResult {
  name: string;
  title: string;
  /** The real server and load, in a sentence or two (printed with the table). */
  setup: string;
  twins: Record<string, Scenario>;
  comparisons: Comparison[];
  charts: ChartData[];
  trials: TrialSummary[];
  /** Wall-clock seconds the case took. */
  seconds: number;
}

export function compare(
  fields: Omit<Comparison, "ratio" | "real" | "simulated">,
  real: number,
  simulated: number,
): Comparison {
  return { ...fields, real, simulated, ratio: real !== 0 ? simulated / real : Number.NaN };
}

/** Whether a comparison meets its bound (true when it has none). */
export function withinBound(c: Comparison): boolean {
  if (c.bound === undefined) return true;
  if (c.bound.absolute !== undefined && Math.abs(c.simulated - c.real) <= c.bound.absolute) return true;
  return c.ratio >= 1 / c.bound.factor && c.ratio <= c.bound.factor;
}
