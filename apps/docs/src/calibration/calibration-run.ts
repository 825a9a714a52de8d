// The committed calibration run (written by `npm run calibrate`), as the "Predicted vs measured"
// note reads it: every figure on that page comes from here, never from the page's own text.
import data from "./calibration-run.json";
import type { Chart, Comparison } from "./comparison";

export interface CalibrationCase {
  name: string;
  title: string;
  setup: string;
  twins: Record<string, unknown>;
  comparisons: Comparison[];
  charts: Chart[];
  trials: { label: string; load: [number, number]; figures: Record<string, unknown> }[];
  seconds: number;
}

export interface CalibrationRun {
  engine: string;
  measuredAt: string;
  machine: {
    cpu: string;
    cores: number;
    kernel: string;
    hz: number | null;
    memoryGb: number;
    sysctls: Record<string, number | null>;
    tools: Record<string, string>;
  };
  privateNetwork: boolean;
  load: [number, number];
  seconds: number;
  cases: Record<string, CalibrationCase>;
}

export const calibrationRun = data as unknown as CalibrationRun;

export function calibrationCase(name: string): CalibrationCase {
  const found = calibrationRun.cases[name];
  if (found === undefined) throw new Error(`the calibration run has no case "${name}"`);
  return found;
}

export function comparison(caseName: string, label: string): Comparison {
  const found = calibrationCase(caseName).comparisons.find((c) => c.label === label);
  if (found === undefined) throw new Error(`calibration case "${caseName}" has no comparison "${label}"`);
  return found;
}

/** Every trial's 1-minute load average, lowest and highest: how busy the shared machine was. */
export function loadRange(c: CalibrationCase): [number, number] {
  const loads = c.trials.flatMap((t) => t.load);
  return [Math.min(...loads), Math.max(...loads)];
}
