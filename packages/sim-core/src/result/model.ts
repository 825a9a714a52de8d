/**
 * The result contract (DESIGN.md, "Result"). Times are seconds. Field names are a
 * public interface: add fields, never rename or remove them silently.
 */

export interface LatencySummary {
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
  /** Standard deviation of latency over the measured completions. */
  sd: number;
  /** 95% confidence interval for the mean, by batch means over the measured part. */
  meanCi95: { low: number; high: number; method: "batch-means"; batches: number };
}

export interface WaitSummary {
  mean: number;
  p50: number;
  p99: number;
  /** Share of completed requests that waited in a line at all (P(wait) in queueing formulas). */
  probability: number;
}

export interface StationStats {
  utilization: number; // busy server-time / (servers × measured time)
  queueLength: { mean: number; max: number }; // waiting, not in service
  inSystem: { mean: number; max: number }; // waiting + in service
  served: number;
  rejected: number;
}

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

/** A pool component's figures (scenario type "pool"). */
export interface PoolStats extends StationStats {
  /** Callers that waited longer than acquireTimeout (counted in rejected too). */
  acquireTimeouts: number;
  /** Time-weighted mean and peak of connections in use. */
  inUse: { mean: number; max: number };
}

export interface Series {
  /** Start of each bucket, in simulated seconds since the measured part began. */
  time: number[];
  bucketWidth: number;
  throughput: number[]; // completions per second in the bucket
  latencyMean: number[]; // mean latency of requests completed in the bucket (0 when none)
  inSystem: number[]; // time-weighted mean number of requests in the system
}

export interface Result {
  engine: { name: "syslab"; version: string };
  scenarioHash: string;
  name?: string;
  seed: number;
  simulated: { time: number; events: number };
  requests: {
    arrived: number;
    completed: number;
    failed: { rejected: number; reset: number; timeout: number };
    byClass: Record<string, { arrived: number; completed: number; latencyMean: number; waitMean: number }>;
  };
  throughput: number;
  latency: LatencySummary;
  wait: WaitSummary;
  /** Time-weighted mean number of requests in the system (for Little's law: L = λW). */
  inSystem: { mean: number; max: number };
  components: Record<string, StationStats>;
  series: Series;
}
