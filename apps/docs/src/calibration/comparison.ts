// A calibration figure measured beside its simulated twin, and how the page prints and judges it.
// `npm run calibrate` (bench/calibration) writes these into the committed run; the docs read them.
import { formatDuration, formatNumber, formatPercent } from "../widgets/number-format";

export type Unit = "s" | "per-second" | "fraction";

export interface Comparison {
  label: string;
  twin: string;
  figure: string;
  unit: Unit;
  real: number;
  simulated: number;
  /** simulated / real; null when real is 0. */
  ratio: number | null;
  realTrials?: number[];
  bound?: { factor: number; absolute?: number };
}

export interface Chart {
  id: string;
  title: string;
  xLabel: string;
  yLabel: string;
  xFormat: "number" | "duration" | "percent";
  yFormat: "number" | "duration" | "percent";
  series: { name: string; points: [number, number][] }[];
}

/** How a figure reads: durations in their unit, rates per second, fractions as percentages. */
export function formatFigure(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return "—";
  if (unit === "fraction") return formatPercent(value, value > 0 && value < 0.1 ? 1 : 0);
  if (unit === "per-second") return `${formatNumber(value, 0)}/s`;
  return formatDuration(value);
}

/** Whether simulated is within the comparison's bound of real (true when it has none). */
export function withinBound(c: Comparison): boolean {
  if (c.bound === undefined) return true;
  if (c.bound.absolute !== undefined && Math.abs(c.simulated - c.real) <= c.bound.absolute) return true;
  return c.ratio !== null && c.ratio >= 1 / c.bound.factor && c.ratio <= c.bound.factor;
}
