/** A leader election's figures (scenario type "leader-election"); times in seconds of the measured part. */
import type { StationStats } from "../stations/station-stats";

/**
 * With the figures every component reports: `utilization` the fraction of the time some candidate
 * acts as leader, `inSystem` the calls in progress, `queueLength` 0 (none waits), `served` and
 * `rejected` the calls served by a leader and refused for want of one.
 */
export interface LeaderElectionStats extends StationStats {
  /** Time with no candidate acting as leader. */
  leaderless: number;
  /** Time with two or more acting as leader (a deposed leader that has not yet noticed). */
  twoLeaders: number;
  /** Times a candidate became leader. */
  elections: number;
  /** Leaders that stepped down on noticing another had taken the lease (each ends a time with two leaders, if it was acting). */
  deposed: number;
  /** Leaders that stepped down because they had not renewed within renewDeadline (after a pause). */
  deadlinesMissed: number;
  crashes: number;
  pauses: number;
}
