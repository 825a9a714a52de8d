// What the HTTP side needs from whatever runs the runs: admission (room, draining) and hand-over.
// The embedded server runs them in this process (LocalRunScheduler); with Postgres, pg-boss hands
// them to workers anywhere (QueueScheduler).

import type { NewRun } from "../db/run-store";

/** What /healthz reports: this process's own figures, from memory. */
export interface RunCounts {
  /** Most runs accepted and unfinished at once before POST answers 503. */
  readonly queueLimit: number;
  readonly isDraining: boolean;
  /** Runs this process has taken on and not finished (queued here or executing here). */
  readonly pending: number;
  /** Runs executing in this process. */
  readonly running: number;
}

export interface RunScheduler extends RunCounts {
  /** Whether `count` more runs fit under the queue limit. */
  hasRoom(count: number): Promise<boolean>;
  /** Seconds a client refused for a full queue should wait (Retry-After). */
  retryAfter(): number;
  /** Stores each run as queued and hands it on; resolves with the ids this call queued. */
  submit(runs: NewRun[]): Promise<string[]>;
  /** Graceful stop: accept nothing more, let running runs finish for `timeoutMs`, put the rest back. */
  drain(timeoutMs: number): Promise<void>;
}

/**
 * A rough wait, in whole seconds, before a full queue has room again: how long runs take (the
 * wall-time limit bounds it) spread over the runs ahead.
 */
export function retryAfterSeconds(maxWallTime: number): number {
  return Math.max(1, Math.min(60, Math.ceil(maxWallTime / 4)));
}
