import type { StationStats } from "../stations/station-stats";

/**
 * A broker's figures in the result (scenario type "broker"). The station figures read: `queueLength`
 * the messages waiting for delivery, `inSystem` those plus the ones delivered and not yet acked,
 * `served` deliveries, `rejected` messages given up on (dead-lettered, expired, dropped or refused); a broker has no
 * servers of its own, so `utilization` is 0.
 */
export interface BrokerStats extends StationStats {
  /** Tasks published (retries not included). */
  published: number;
  /** Deliveries to workers, redeliveries included. */
  delivered: number;
  /** Deliveries of a message delivered before (visibility timeout ran out, worker lost). */
  redelivered: number;
  /** Messages moved to the dead-letter queue after maxReceives deliveries. */
  deadLettered: number;
  /** Messages dropped unread after the retention period. */
  expired: number;
  /** Messages dropped from the head of a full queue (overflow "drop-head"). */
  dropped: number;
  /** Publishes refused by a full queue (overflow "reject-publish"): the publishing request failed. */
  refused: number;
  /** Publishes skipped because the previous run of their step was unfinished (task `overlap` "skip"). */
  skipped: number;
  /** Executions started. */
  executions: number;
  /** Executions of a message that had started executing before: the work done twice. */
  duplicatesExecuted: number;
  /** Tasks whose result is a success. */
  completed: number;
  /** Tasks that failed for good (retries exhausted, or killed at their time limit). */
  failed: number;
  /** Retries published. */
  retried: number;
  /** Tasks killed at their time limit. */
  timeLimited: number;
  /** The delay before each retry (countdown or backoff with jitter). */
  retryDelay: { mean: number; count: number };
  /** From publish to a stored successful result. */
  taskTime: { mean: number };
  /** Messages waiting for delivery (time-weighted), and the peak. */
  depth: { mean: number; max: number };
  /** Age of the oldest message waiting. */
  oldestAge: { max: number };
  /** From the result being stored to the client knowing it. */
  notificationDelay: { mean: number; p99: number; max: number };
  /** Tasks whose client learned the result. */
  known: number;
  /** Polls and long polls sent to the API. */
  polls: number;
  /** Answered with no result yet. */
  emptyPolls: number;
  /** Refused by the API (503, RST, timeout). */
  failedPolls: number;
  /** Polls each client that learned its result sent, on average (all its polls, from the publish). */
  pollsPerTask: number;
  /** Polls per simulated second: the load waiting puts on the API. */
  pollRate: number;
  /** Clients holding a push connection open (time-weighted), and the peak. */
  pushConnections: { mean: number; max: number };
  /** Queue depth and age of the oldest message over time. */
  series: { time: number[]; depth: number[]; oldestAge: number[] };
}
