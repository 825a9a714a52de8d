/** A sweep as a table: one row per value, with the figures that show a parameter's effect. */
import type { SweepResult } from "@syslab/sim-core";
import { milliseconds } from "./milliseconds";
import { textTable } from "./text-table";

export function formatSweepTable(sweep: SweepResult): string {
  const rows = sweep.rows.map(({ value, result }) => {
    const f = result.requests.failed;
    return [
      String(value),
      result.throughput.toFixed(3),
      milliseconds(result.latency.mean),
      milliseconds(result.latency.p99),
      String(f.rejected + f.reset + f.timeout + f.limited),
    ];
  });
  return `${textTable([sweep.path, "throughput/s", "mean ms", "p99 ms", "failed"], rows)}\n`;
}
