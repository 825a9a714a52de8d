/**
 * What a calibration case hands back, and what the committed run (the docs page's data) holds:
 * the twin scenarios, each compared figure real beside simulated (its shape, and the judgement of
 * its bound, are the docs' own: apps/docs/src/calibration/comparison.ts), the trials with the
 * load they ran under, and chart series of both.
 */
import type { Scenario } from "@syslab/sim-core";
import type { Chart, Comparison } from "../../apps/docs/src/calibration/comparison";

export type { Chart as ChartData, Comparison } from "../../apps/docs/src/calibration/comparison";

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
  charts: Chart[];
  trials: TrialSummary[];
  /** Wall-clock seconds the case took. */
  seconds: number;
}

export function compare(
  fields: Omit<Comparison, "ratio" | "real" | "simulated">,
  real: number,
  simulated: number,
): Comparison {
  return { ...fields, real, simulated, ratio: real !== 0 ? simulated / real : null };
}
