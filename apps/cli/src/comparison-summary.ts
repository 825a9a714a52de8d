/** The readable summary of a paired comparison: each key figure on both sides and their difference b − a. */
import type { ComparisonResult, Difference, Estimate } from "@syslab/sim-core";
import { milliseconds } from "./milliseconds";
import { textTable } from "./text-table";

type Format = (value: number) => string;

const ms: Format = (seconds) => `${milliseconds(seconds)} ms`;
const fixed: Format = (value) => value.toFixed(4);

export function formatComparison(result: ComparisonResult, fileA: string, fileB: string): string {
  const { a, b, difference } = result;
  const ra = a.replications!;
  const rb = b.replications!;
  const row = (name: string, ea: Estimate, eb: Estimate, d: Difference, format: Format): string[] => [
    name,
    format(ea.value),
    format(eb.value),
    `${d.value > 0 ? "+" : ""}${format(d.value)}`,
    `${format(d.ci95[0])} … ${format(d.ci95[1])}`,
    significance(d),
  ];
  const rows = [
    row("latency mean", ra.latency.mean, rb.latency.mean, difference.latency.mean, ms),
    row("latency p50", ra.latency.p50, rb.latency.p50, difference.latency.p50, ms),
    row("latency p90", ra.latency.p90, rb.latency.p90, difference.latency.p90, ms),
    row("latency p99", ra.latency.p99, rb.latency.p99, difference.latency.p99, ms),
    row("wait mean", ra.wait.mean, rb.wait.mean, difference.wait.mean, ms),
    row("throughput /s", ra.throughput, rb.throughput, difference.throughput, fixed),
    row("in system", ra.inSystem.mean, rb.inSystem.mean, difference.inSystem.mean, fixed),
    ...Object.entries(difference.components).map(([name, d]) =>
      row(
        `${name} utilisation`,
        ra.components[name]!.utilization,
        rb.components[name]!.utilization,
        d.utilization,
        fixed,
      ),
    ),
  ];
  const lines = [
    `a  ${a.name ?? fileA}`,
    `b  ${b.name ?? fileB}`,
    `   ${ra.count} paired replications on common random numbers (seeds from ${ra.seeds[0]}), engine ${a.engine.version}`,
    "",
    textTable(["figure", "a", "b", "b − a", "95% CI of b − a", ""], rows),
  ];
  return `${lines.join("\n")}\n`;
}

/** Whether the interval excludes zero: a difference the replications can tell from noise. */
function significance(d: Difference): string {
  if (d.ci95[0] > 0 || d.ci95[1] < 0) return "*";
  return "";
}
