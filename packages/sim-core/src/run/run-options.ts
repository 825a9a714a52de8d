/** How a caller (CLI, API worker, browser widget) runs a scenario. */
import type { RunLimits, TraceSpec } from "../scenario/model";

export interface Progress {
  simulatedTime: number;
  events: number;
  /** Share of the measured part done, 0…1. */
  fraction: number;
}

export interface RunOptions {
  /** Host caps; the stricter of these and the scenario's `run.limits` wins. */
  limits?: RunLimits;
  onProgress?: (progress: Progress) => void;
  /** Events between progress reports (default 100,000). */
  progressEvery?: number;
  /** Cooperative cancellation: checked with the limits; a run that sees `aborted` throws. */
  signal?: { aborted: boolean };
  /** Record per-request traces with this sampling (overrides the scenario's run.trace; statistics do not change). */
  trace?: TraceSpec;
}
