/** The readable summary of one run: what a person looks at first, in milliseconds and per second. */
import type { Estimate, ReplicationSummary, Result } from "@syslab/sim-core";
import { milliseconds } from "./milliseconds";
import { textTable } from "./text-table";

const count = (n: number) => n.toLocaleString("en-US");
const percent = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;

export function formatSummary(result: Result, file: string): string {
  const { requests, latency, wait } = result;
  const failed = requests.failed;
  const failedTotal = failed.rejected + failed.reset + failed.timeout + failed.limited;
  const ci = latency.meanCi95;
  const lines = [
    result.name ?? file,
    `  scenario ${file}, seed ${result.seed}, hash ${result.scenarioHash.slice(0, 12)}, engine ${result.engine.version}`,
    `  simulated ${result.simulated.time.toFixed(3)} s, ${count(result.simulated.events)} events`,
    "",
    `requests     arrived ${count(requests.arrived)}, completed ${count(requests.completed)}, failed ${count(failedTotal)} ` +
      `(rejected ${count(failed.rejected)}, reset ${count(failed.reset)}, timeout ${count(failed.timeout)}, limited ${count(failed.limited)})`,
    `throughput   ${result.throughput.toFixed(3)} requests/s`,
    `latency      mean ${milliseconds(latency.mean)} ms, 95% CI ${milliseconds(ci.low)}–${milliseconds(ci.high)} ms (${ci.method}, ${ci.batches} batches)`,
    `             p50 ${milliseconds(latency.p50)}, p90 ${milliseconds(latency.p90)}, p99 ${milliseconds(latency.p99)}, ` +
      `p99.9 ${milliseconds(latency.p999)}, max ${milliseconds(latency.max)} ms`,
    `wait         mean ${milliseconds(wait.mean)} ms, p50 ${milliseconds(wait.p50)}, p99 ${milliseconds(wait.p99)} ms`,
    "",
    textTable(
      ["component", "utilisation", "queue mean", "queue max", "served", "rejected"],
      Object.entries(result.components).map(([name, c]) => {
        // Kinds share these figures where they have them (a broker or a lock service has no utilisation).
        const f = c as Partial<Record<"utilization" | "served" | "rejected", number>> & {
          queueLength?: { mean: number; max: number };
        };
        const none = "—";
        return [
          name,
          f.utilization === undefined ? none : percent(f.utilization),
          f.queueLength === undefined ? none : f.queueLength.mean.toFixed(3),
          f.queueLength === undefined ? none : String(f.queueLength.max),
          f.served === undefined ? none : count(f.served),
          f.rejected === undefined ? none : count(f.rejected),
        ];
      }),
    ),
    ...balancerTables(result),
  ];
  if (result.trace !== undefined) {
    const { trace } = result;
    lines.push(
      "",
      `traces       ${count(trace.requests.length)} kept of ${count(trace.sampled)} sampled (sample ${trace.sample}, at most ${count(trace.max)})`,
    );
  }
  if (result.replications !== undefined) lines.push("", ...replicationLines(result.replications));
  return `${lines.join("\n")}\n`;
}

/** Per balancer, what each backend got and how long its health view lagged the truth. */
function balancerTables(result: Result): string[] {
  const rows = Object.entries(result.components).flatMap(([name, c]) =>
    c.type !== "balancer"
      ? []
      : Object.entries(c.backends).map(([backend, b]) => [
          name,
          backend,
          count(b.requests),
          count(b.failed),
          count(b.ejections),
          b.downWhileUp.toFixed(3),
          b.upWhileDown.toFixed(3),
        ]),
  );
  if (rows.length === 0) return [];
  return [
    "",
    textTable(
      ["balancer", "backend", "requests", "failed", "ejections", "down while up s", "up while down s"],
      rows,
    ),
  ];
}

/** The across-replication estimates, under the first replication's figures above. */
function replicationLines(summary: ReplicationSummary): string[] {
  const ms = ({ value, ci95 }: Estimate) =>
    `${milliseconds(value)} ms (${milliseconds(ci95[0])}–${milliseconds(ci95[1])})`;
  const plain = ({ value, ci95 }: Estimate, digits: number) =>
    `${value.toFixed(digits)} (${ci95[0].toFixed(digits)}–${ci95[1].toFixed(digits)})`;
  const target = summary.precision;
  const why =
    target === undefined
      ? "as asked"
      : `${target.metric} within ±${percent(target.achieved)} (target ±${percent(target.relative)}${target.met ? "" : ", not met"})`;
  return [
    `replications ${summary.count} (${why}; the figures above are the first's), ${count(summary.events)} events, 95% intervals across replications:`,
    `  latency    mean ${ms(summary.latency.mean)}, p50 ${ms(summary.latency.p50)}, p99 ${ms(summary.latency.p99)}`,
    `  throughput ${plain(summary.throughput, 3)} requests/s`,
    ...Object.entries(summary.components).map(
      ([name, c]) => `  ${name.padEnd(10)} utilisation ${plain(c.utilization, 3)}`,
    ),
  ];
}
