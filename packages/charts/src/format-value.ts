// Formats axis and label numbers: plain counts, rates, or durations given in seconds.

/** How the numbers on an axis read: `duration` takes seconds and prints ns/µs/ms/s. */
export type ValueFormat = "number" | "duration" | "percent";

const durationUnits: [number, string][] = [
  [1, "s"],
  [1e-3, "ms"],
  [1e-6, "µs"],
  [1e-9, "ns"],
];

/** The unit a whole axis uses, chosen from its largest magnitude so that every tick shares it. */
function durationUnitFor(maxSeconds: number): [number, string] {
  const m = Math.abs(maxSeconds);
  return durationUnits.find(([scale]) => m >= scale) ?? durationUnits[durationUnits.length - 1]!;
}

export function formatValue(value: number, format: ValueFormat, axisMax = value): string {
  if (!Number.isFinite(value)) return "n/a";
  if (format === "duration") {
    const [scale, unit] = durationUnitFor(axisMax);
    return `${trim(value / scale)} ${unit}`;
  }
  if (format === "percent") return `${trim(value * 100)}%`;
  const m = Math.abs(value);
  if (m >= 1e9) return `${trim(value / 1e9)}G`;
  if (m >= 1e6) return `${trim(value / 1e6)}M`;
  if (m >= 1e4) return `${trim(value / 1e3)}k`;
  return trim(value);
}

function trim(value: number): string {
  if (value === 0) return "0";
  const m = Math.abs(value);
  const digits = m >= 100 ? 0 : m >= 10 ? 1 : m >= 1 ? 2 : 3;
  return Number(value.toFixed(digits)).toString();
}
