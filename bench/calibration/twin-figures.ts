/**
 * How a compared figure is read from a twin's result. The harness and the docs test both read
 * figures through this one function, so the committed simulated figures can be re-derived from
 * the committed twin scenarios by anyone with the same engine.
 */
import type { Result } from "@syslab/sim-core";

/**
 * `throughput`, `latency.<p50|p90|p99|mean|max>`, `failureFraction` (failed / arrived),
 * `class.<name>.latencyMean`, `class.<name>.throughput` (its share of the measured throughput).
 */
export type FigureKey = string;

export function twinFigure(result: Result, key: FigureKey): number {
  const failed = result.requests.failed;
  if (key === "throughput") return result.throughput;
  if (key === "failureFraction") {
    const arrived = result.requests.arrived;
    return arrived > 0 ? (failed.rejected + failed.reset + failed.timeout) / arrived : 0;
  }
  const latency = /^latency\.(p50|p90|p99|p999|mean|max)$/.exec(key);
  if (latency) return result.latency[latency[1] as "p50"];
  const cls = /^class\.([^.]+)\.(latencyMean|throughput)$/.exec(key);
  if (cls) {
    const figures = result.requests.byClass[cls[1]!];
    if (figures === undefined) throw new Error(`the twin has no request class ${cls[1]}`);
    if (cls[2] === "latencyMean") return figures.latencyMean;
    const completed = result.requests.completed;
    return completed > 0 ? (result.throughput * figures.completed) / completed : 0;
  }
  throw new Error(`unknown figure ${key}`);
}
