/** A storage component's figures (scenario type "storage"). */
import type { StationStats } from "../stations/station-stats";

/**
 * With the figures every component reports: `inSystem` the writes in progress (time-weighted),
 * `utilization` and `queueLength` 0 (writes run concurrently, none waits), `served` the writes
 * accepted and `rejected` those fenced off.
 */
export interface StorageStats extends StationStats {
  /** Writes accepted. */
  writes: number;
  /** Writes made holding no lock-service lease. */
  unlocked: number;
  /**
   * Write attempts from a holder whose lease had expired while another held the lock (it was
   * granted again since, with a higher token): the holder does not know it lost the lock.
   */
  staleWrites: number;
  /**
   * Stale writes the storage accepted after it had already accepted a write under a newer token of
   * the same lock: they overwrite the newer holder's work. Zero when fencing is on.
   */
  unsafeWrites: number;
  /** Writes refused because their token was below the highest accepted (fencing on). */
  fencedRejections: number;
}
