import type { StationStats } from "../stations/station-stats";

/** What became of the copies one bound queue took from the exchange (its broker's own figures count other publishes too). */
export interface BoundQueueStats {
  /** Copies the queue took: one per publish that reached it, unless refused or skipped. */
  published: number;
  /** Copies whose task succeeded, on this queue's workers. */
  completed: number;
  /** Copies whose task failed for good (retries exhausted, time limit). */
  failed: number;
  /** Copies this queue moved to its dead-letter queue (its own maxReceives). */
  deadLettered: number;
  /** Copies dropped unread after this queue's retention, or from the head of this full queue. */
  expired: number;
  dropped: number;
  /** Copies this full queue refused (overflow "reject-publish"). */
  refused: number;
  /** Copies not queued because this queue's previous copy of the same step was unfinished (task `overlap` "skip"). */
  skipped: number;
}

/**
 * An exchange's figures in the result (scenario type "exchange"). An exchange holds nothing, so the
 * station figures read: `utilization`, `queueLength` and `inSystem` 0, `served` the copies routed,
 * `rejected` the publishes nacked because a queue refused its copy.
 */
export interface ExchangeStats extends StationStats {
  /** Publishes the exchange received. */
  published: number;
  /** Copies put in queues: published × queues reached, less those refused or skipped. */
  routed: number;
  /** Publishes nacked (the publishing request failed, 503) because at least one queue refused its copy; the other queues kept theirs. */
  refused: number;
  /** Each queue the exchange reaches (directly or through bound exchanges), by broker name. */
  queues: Record<string, BoundQueueStats>;
}
