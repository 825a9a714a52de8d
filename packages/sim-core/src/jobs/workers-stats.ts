import type { StationStats } from "../stations/station-stats";

/**
 * A workers component's figures in the result (scenario type "workers"). The station figures read:
 * `utilization` busy process-time / (processes × measured time), `queueLength` the messages reserved
 * but not started, `inSystem` those plus the running ones, `served` executions finished; workers turn
 * nothing away, so `rejected` is 0.
 */
export interface WorkersStats extends StationStats {
  /** Processes in the pool (its server's cores when not given). */
  processes: number;
  /** Executions started, finished (well or not), raised, killed at the time limit. */
  started: number;
  finished: number;
  raised: number;
  timeLimited: number;
  /** Deliveries of a task already done that an idempotent task skipped. */
  duplicatesSkipped: number;
  /** Executions cut short by a crash. */
  interrupted: number;
  /** Tasks lost by a crash: acked (early, or late without rejectOnWorkerLost) but never finished. */
  lost: number;
  /** Tasks given back to the broker at a crash (late acks with rejectOnWorkerLost). */
  requeued: number;
  /** From a message entering the broker to its execution starting. */
  wait: { mean: number; p99: number };
  /** Seconds down within the measured part. */
  downtime: number;
}
