/** What a DNS name reports: answers given, and the requests each address received. */
import type { StationStats } from "../stations/station-stats";

/** `served`: requests passed to an address; `rejected`: none (a failure to connect is reset); it queues nothing. */
export interface DnsStats extends StationStats {
  /** Answers given to clients whose cache was empty or expired. */
  resolutions: number;
  /** Requests sent to an address the records no longer list (a cached answer outliving a change). */
  stale: number;
  addresses: Record<string, { requests: number }>;
}
