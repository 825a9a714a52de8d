// How widgets print numbers: the same strings at build time, in the browser, in tests and on the
// API's share pages (durations go through @syslab/charts' formatValue, as the share page does).
import { formatValue } from "@syslab/charts";

/** Seconds in the unit that suits them: "52.3 ms", "1.2 s". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "—";
  return formatValue(seconds, "duration");
}

/** A plain quantity with a fixed number of decimals. */
export function formatNumber(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) return "—";
  return value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A fraction as a percentage. */
export function formatPercent(fraction: number, decimals = 0): string {
  return `${formatNumber(fraction * 100, decimals)} %`;
}
