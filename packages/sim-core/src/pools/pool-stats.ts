import type { StationStats } from "../stations/station-stats";

/** A pool component's figures (scenario type "pool"). */
export interface PoolStats extends StationStats {
  /** Callers that waited longer than acquireTimeout (counted in rejected too). */
  acquireTimeouts: number;
  /** Time-weighted mean and peak of connections in use. */
  inUse: { mean: number; max: number };
}
