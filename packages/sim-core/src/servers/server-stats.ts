import type { StationStats } from "../stations/station-stats";

/** A server component's figures (scenario type "server"): a station's, plus its CPU and accept queue. */
export interface ServerStats extends StationStats {
  /** Fractions of core time (all cores × measured time): useful work, and context switches plus migration penalties. */
  cpu: { useful: number; switching: number; cores: { useful: number; switching: number }[] };
  contextSwitches: number;
  migrations: number;
  /** Bytes: processes, threads started and open connections at their peak. */
  peakMemory: number;
  /** Threads started (thread-pool starts them as needed). */
  threads: number;
  /**
   * The kernel's accept queue: its capacity (backlog capped by somaxconn), peak length,
   * handshakes dropped when full, RSTs sent, connects abandoned after the last SYN-ACK
   * retransmission, and connections established after k retransmissions (index k).
   */
  acceptQueue: {
    capacity: number;
    peak: number;
    drops: number;
    resets: number;
    connectTimeouts: number;
    retransmitted: number[];
  };
  /** CPU seconds (in the measured part) spent on requests after their client had timed out: work nobody will read. */
  wastedCpu: number;
}
