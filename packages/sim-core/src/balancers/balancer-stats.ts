/** What a balancer reports: requests per backend, and how well its view of their health matched the truth. */
import type { StationStats } from "../stations/station-stats";

export interface BackendStats {
  /** Requests this balancer sent to the backend. */
  requests: number;
  /** Of those, how many failed there (rejected, reset, or hung until released). */
  failed: number;
  /** Times outlier detection ejected it. */
  ejections: number;
  /** Seconds it was up but not used (marked down or ejected): health-check lag on the way back, or a false alarm. */
  downWhileUp: number;
  /** Seconds it was down (an outage) but still used: health-check lag on the way down. */
  upWhileDown: number;
}

/**
 * The figures every component reports, in a balancer's terms: `served` the requests that came back
 * from a backend without failing, `rejected` those turned away because no backend was usable (503),
 * `inSystem` its requests in flight; it queues nothing and takes no time of its own, so
 * `queueLength` and `utilization` are 0.
 */
export interface BalancerStats extends StationStats {
  /** Requests that reached the balancer. */
  requests: number;
  /** Seconds in panic mode (too few healthy backends: sending to all). */
  panic: number;
  backends: Record<string, BackendStats>;
}
