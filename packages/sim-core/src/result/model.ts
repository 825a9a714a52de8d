/**
 * The result contract (DESIGN.md, "Result"). Times are seconds. Field names are a
 * public interface: add fields, never rename or remove them silently.
 */
import type { StatsOf } from "../component/component-kind";
import type { componentKinds } from "../component-kinds";

export type { BackendStats, BalancerStats } from "../balancers/balancer-stats";
export type { DnsStats } from "../dns/dns-stats";
export type { OutageStats } from "../failures/failing-component";
export type { LimiterStats } from "../limiters/limiter-stats";
export type { PoolStats } from "../pools/pool-stats";
export type { ServerStats } from "../servers/server-stats";
export type { StationStats } from "../stations/station-stats";

/** A component's figures: its kind's stats with its `type`, derived from the list of kinds. */
export type ComponentStats = StatsOf<(typeof componentKinds)[number]>;

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
    /** 503 (rejected), TCP RST (reset), no answer in time (timeout), 429 from a limiter (limited). */
    failed: { rejected: number; reset: number; timeout: number; limited: number };
    byClass: Record<
      string,
      {
        arrived: number;
        completed: number;
        /** Attempts sent for the class's requests: one each, or more when its client retries or hedges. */
        attempts: number;
        /** Retry amplification: attempts the system saw ÷ requests the clients sent. */
        amplification: number;
        /** Second copies a hedging client sent, and how many answered first. */
        hedges: number;
        hedgesWon: number;
        /** Attempts answered after their request was over (a hedge's loser): work done for nothing. */
        wasted: number;
        /** Requests a circuit breaker failed at once, without sending them. */
        shortCircuited: number;
        latencyMean: number;
        waitMean: number;
      }
    >;
  };
  throughput: number;
  latency: LatencySummary;
  wait: WaitSummary;
  /** Time-weighted mean number of requests in the system (for Little's law: L = λW). */
  inSystem: { mean: number; max: number };
  /** Each component's figures, tagged with its `type` (narrow on it to read a kind's own figures). */
  components: Record<string, ComponentStats>;
  series: Series;
}
