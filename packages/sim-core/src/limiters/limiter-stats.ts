/** What a limiter reports, in the terms every component uses and its own. */
import type { StationStats } from "../stations/station-stats";

/**
 * `served`: passed requests that came back without failing; `rejected` and `limited`: requests it
 * refused (429); `queueLength`: requests a leaky bucket holds back; `inSystem`: those and the
 * ones in flight; `utilization`: a concurrency limit's mean permits in use ÷ its limit (0 for rates).
 */
export interface LimiterStats extends StationStats {
  limited: number;
  /** Requests it held back before passing (leaky bucket without nodelay). */
  delayed: number;
}
