/**
 * What a cache reports in the result (scenario type "cache"). The station figures read, for a
 * cache: utilization, how full it is (entries, or bytes under capacityBytes, over capacity,
 * time-weighted; 0 when unbounded); queueLength, reads waiting for a call to the target;
 * inSystem, reads at the cache (paying a hit or waiting); served, reads it answered; rejected,
 * reads that failed with the call they waited for.
 */
import type { StationStats } from "../stations/station-stats";

export interface CacheStats extends StationStats {
  /** Reads answered from the cache over all reads (hits / (hits + misses)). */
  hitRatio: number;
  hits: number;
  /** Reads that waited for the target: not stored, expired, refreshed early, or joined a fetch in flight. */
  misses: number;
  /** Entries the policy evicted to make room. */
  evictions: number;
  /** Entries found expired when read (and dropped), or dropped when they expired past staleFor. */
  expirations: number;
  /** Misses that joined a fetch already in flight for their key instead of calling the target ("coalesce"). */
  coalescedWaits: number;
  /** Calls the cache made to its target: fetches, refreshes, writes and keyless requests passed on. */
  targetCalls: number;
  /** Calls to the target that failed (rejected, reset or past fetchTimeout). */
  targetFailures: number;
  /** Hits served after their value had expired, while one refresh ran ("stale-while-revalidate"). */
  staleServed: number;
  /** Refreshes begun before expiry ("early-refresh") or while serving stale ("stale-while-revalidate"). */
  refreshes: number;
  /** Keys dropped by a write ("invalidate") or stored by one ("write-through"). */
  writes: number;
  /** Requests with no key: passed to the target, never stored. */
  bypassed: number;
  /** Hits whose value had changed at the source since it was stored (with changeEvery), and how long before. */
  staleHits: number;
  staleness: { mean: number; max: number };
  /** Entries held: at the end and at the peak. */
  entries: number;
  peakEntries: number;
  /**
   * Per bucket of the run's series: hit ratio (0 where there were no reads), target calls per
   * second, and the p99 of the time reads spent at the cache (a hit's cost or the wait for the
   * target; within ±9%, 0 where there were none).
   */
  series: { hitRatio: number[]; targetCalls: number[]; readTimeP99: number[] };
}
