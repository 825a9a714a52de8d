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
  /** 95% confidence interval for the mean, by batch means over the measured part. */
  meanCi95: { low: number; high: number; method: "batch-means"; batches: number };
}

export interface WaitSummary {
  mean: number;
  p50: number;
  p99: number;
}

export interface StationStats {
  utilization: number; // busy server-time / (servers × measured time)
  queueLength: { mean: number; max: number }; // waiting, not in service
  inSystem: { mean: number; max: number }; // waiting + in service
  served: number;
  rejected: number;
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
    byClass: Record<string, { arrived: number; completed: number; latencyMean: number }>;
  };
  throughput: number;
  latency: LatencySummary;
  wait: WaitSummary;
  /** Time-weighted mean number of requests in the system (for Little's law: L = λW). */
  inSystem: { mean: number; max: number };
  components: Record<string, StationStats>;
  series: Series;
}
