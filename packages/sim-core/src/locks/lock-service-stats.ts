/** A lock service's figures (scenario type "lock-service"). */
import type { LeaseEvent } from "./lease-timeline";

export interface LockServiceStats {
  /** Locks granted, each with a new fencing token. */
  grants: number;
  /** Locks released by their holder before the lease ran out. */
  releases: number;
  /** Leases that ran out while their holder still held the lock (it had paused or stopped renewing). */
  expired: number;
  /** Renewals accepted, and renewals refused because the lease had already run out. */
  renewals: number;
  renewalsRefused: number;
  /** Callers refused: the waiting line was full, or they waited longer than `wait`. */
  rejected: number;
  acquireTimeouts: number;
  /** Holder pauses, and the seconds they lasted. */
  pauses: number;
  pausedTime: number;
  /** The highest fencing token granted so far. */
  lastToken: number;
  /** Waiters for locks, time-weighted, and their mean wait (seconds). */
  queueLength: { mean: number; max: number };
  waitMean: number;
  /** The first lease events of the measured part, when the scenario sets `timeline`. */
  timeline?: LeaseEvent[];
}
