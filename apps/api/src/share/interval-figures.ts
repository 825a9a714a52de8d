// The key figures that replications and paired comparisons estimate with 95% intervals (sim-core's
// result/key-figures.ts names them). A replication summary and a comparison's difference hold them
// in the same shape, so one list says where each sits, what it is called and how it is shown.

import { formatValue, type ValueFormat } from "@syslab/charts";

export interface IntervalFigure {
  /** The figure's key-figure name ("latency.p99", "components.db.utilization"). */
  name: string;
  /** Where it sits in a ReplicationSummary or a comparison's difference. */
  path: string[];
  label: string;
  format: ValueFormat;
}

export interface Interval {
  value: number;
  ci95: [number, number];
}

const HEADLINE: [string, string, ValueFormat][] = [
  ["latency.mean", "Mean latency", "duration"],
  ["latency.p50", "p50 latency", "duration"],
  ["latency.p90", "p90 latency", "duration"],
  ["latency.p99", "p99 latency", "duration"],
  ["wait.mean", "Mean wait", "duration"],
  ["wait.p99", "p99 wait", "duration"],
  ["throughput", "Throughput (req/s)", "number"],
  ["inSystem.mean", "Mean requests in the system", "number"],
];

/** The headline figures, then the utilisation of each of `components`. */
export function intervalFigures(components: readonly string[]): IntervalFigure[] {
  return [
    ...HEADLINE.map(([name, label, format]) => ({ name, path: name.split("."), label, format })),
    ...components.map((component) => ({
      name: `components.${component}.utilization`,
      path: ["components", component, "utilization"],
      label: `${component} utilisation`,
      format: "percent" as const,
    })),
  ];
}

/** The estimate at `path` in a summary or difference, or undefined when it has none. */
export function intervalAt(tree: unknown, path: readonly string[]): Interval | undefined {
  let node: unknown = tree;
  for (const key of path)
    node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  const found = node as Partial<Interval> | undefined;
  return typeof found?.value === "number" && Array.isArray(found.ci95) ? (found as Interval) : undefined;
}

/** A value as the page shows it; a difference keeps its sign. */
export function shown(value: number, format: ValueFormat, signed = false): string {
  const text = formatValue(value, format);
  return signed && value > 0 ? `+${text}` : text;
}

/** An interval with both ends in one unit: "1.2 ms to 3.4 ms". */
export function intervalText([lo, hi]: [number, number], format: ValueFormat): string {
  const scale = Math.max(Math.abs(lo), Math.abs(hi));
  return `${formatValue(lo, format, scale)} to ${formatValue(hi, format, scale)}`;
}

/** Whether the 95% interval leaves out zero: a difference the replications tell apart from noise. */
export function excludesZero({ ci95: [lo, hi] }: Interval): boolean {
  return lo > 0 || hi < 0;
}
