/** A lock service's figures (scenario type "lock-service"). */
import type { StationStats } from "../stations/station-stats";
import type { LeaseEvent } from "./lease-timeline";

/**
 * With the figures every component reports: `utilization` is the time-weighted mean number of locks
 * held (for one lock, the fraction of the time it is held), `queueLength` the waiters, `inSystem`
 * holders and waiters, `served` the grants and `rejected` the callers refused.
 */
export interface LockServiceStats extends StationStats {
  /** Locks granted, each with a new fencing token. */
  grants: number;
  /** Locks released by their holder before the lease ran out. */
  releases: number;
  /** Leases that ran out while their holder still held the lock (it had paused or stopped renewing). */
  expired: number;
  /** Renewals accepted, and renewals refused because the lease had already run out. */
  renewals: number;
  renewalsRefused: number;
  /** Callers that waited longer than `wait` (counted in `rejected` too). */
  acquireTimeouts: number;
  /** Holder pauses, and the seconds they lasted. */
  pauses: number;
  pausedTime: number;
  /** The highest fencing token granted so far. */
  lastToken: number;
  /** The mean wait for a lock (seconds). */
  waitMean: number;
  /** The first lease events of the measured part, when the scenario sets `timeline`. */
  timeline?: LeaseEvent[];
}
