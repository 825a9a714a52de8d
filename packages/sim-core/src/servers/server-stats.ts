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
   * The kernel's accept queue: its capacity (backlog capped by somaxconn; it holds one more),
   * peak length, SYNs and handshake ACKs dropped when full (TcpExtListenOverflows), RSTs sent,
   * connections that failed with ETIMEDOUT, connections established after k SYN
   * retransmissions (index k), SYN-ACKs sent as cookies, connections accepted before their
   * request's data had arrived, and the seconds blocking workers spent in read() waiting for it
   * (holding their thread) — the data comes with the client's next retransmission.
   */
  acceptQueue: {
    capacity: number;
    peak: number;
    drops: number;
    resets: number;
    connectTimeouts: number;
    retransmitted: number[];
    synCookies: number;
    acceptedBeforeData: number;
    readWait: number;
  };
  /** CPU seconds (in the measured part) spent on requests after their client had timed out: work nobody will read. */
  wastedCpu: number;
}
