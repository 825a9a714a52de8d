/** Prints a case's comparison table: real beside simulated, their ratio, and whether it is within its bound. */
import { type Comparison, withinBound } from "../../apps/docs/src/calibration/comparison";
import type { CaseResult } from "./case-result";

function show(value: number, unit: Comparison["unit"]): string {
  if (!Number.isFinite(value)) return "—";
  if (unit === "fraction") return `${(value * 100).toFixed(1)}%`;
  if (unit === "per-second") return `${value.toFixed(1)}/s`;
  return value >= 1 ? `${value.toFixed(2)} s` : `${(value * 1000).toFixed(1)} ms`;
}

export function printCase(result: CaseResult): void {
  console.log(`\n== ${result.title} (${result.seconds.toFixed(0)} s)\n${result.setup}`);
  const rows = result.comparisons.map((c) => {
    const spread =
      c.realTrials && c.realTrials.length > 1
        ? `${show(Math.min(...c.realTrials), c.unit)} … ${show(Math.max(...c.realTrials), c.unit)}`
        : "";
    const verdict = c.bound === undefined ? "" : withinBound(c) ? "ok" : "OFF";
    return [
      c.label,
      show(c.real, c.unit),
      spread,
      show(c.simulated, c.unit),
      c.ratio !== null ? c.ratio.toFixed(2) : "—",
      verdict,
    ];
  });
  const header = ["", "measured", "trials", "syslab", "ratio", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows])
    console.log(
      row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  "),
    );
  const loads = result.trials.map((t) => Math.max(...t.load));
  if (loads.length > 0)
    console.log(`${result.trials.length} trials; load average ${Math.min(...loads)} … ${Math.max(...loads)}`);
}
