/** A leader election's figures (scenario type "leader-election"); times in seconds of the measured part. */
export interface LeaderElectionStats {
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
  /** Calls served by a leader, and refused for want of one. */
  served: number;
  rejected: number;
}
