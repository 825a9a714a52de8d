/**
 * The result contract (DESIGN.md, "Result"). Times are seconds. Field names are a
 * public interface: add fields, never rename or remove them silently.
 */
import type { StatsOf } from "../component/component-kind";
import type { ChildOutcome } from "../component/request-flow";
import type { componentKinds } from "../component-kinds";

export type { BackendStats, BalancerStats } from "../balancers/balancer-stats";
export type { CacheStats } from "../caches/cache-stats";
export type { DnsStats } from "../dns/dns-stats";
export type { LeaderElectionStats } from "../elections/leader-election-stats";
export type { OutageStats } from "../failures/failing-component";
export type { BrokerStats } from "../jobs/broker-stats";
export type { BoundQueueStats, ExchangeStats } from "../jobs/exchange-stats";
export type { ResultBackendStats } from "../jobs/result-backend";
export type { WorkersStats } from "../jobs/workers-stats";
export type { LimiterStats } from "../limiters/limiter-stats";
export type { LockServiceStats } from "../locks/lock-service-stats";
export type { PoolStats } from "../pools/pool-stats";
export type { ServerStats } from "../servers/server-stats";
export type { StationStats } from "../stations/station-stats";
export type { StorageStats } from "../storage/storage-stats";
export type { ConsumerGroupStats } from "../streams/consumer-group";
export type { StreamStats } from "../streams/stream";

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
  /**
   * Present when a request class retries, hedges or breaks circuits: attempts clients sent per
   * second in the bucket (the load the system is offered, retries and hedges included; a request
   * sent once is one attempt), and requests that failed for good per second (their client got
   * the error).
   */
  attempts?: number[];
  failed?: number[];
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
  /** Present when the run records traces (run.trace, or the host's `trace` option). */
  trace?: TraceSummary;
  /** Present when the scenario's run asks for replications: the figures above are replication 0's. */
  replications?: ReplicationSummary;
}

/** One visit of a traced request to a component: from when it took the request (a pool: when the request reached it) to when it let go. */
export interface TraceSpan {
  component: string;
  start: number;
  end: number;
  /** Seconds of the visit spent queued (waiting in a line) rather than served, its nested visits' included. */
  queued: number;
  /** 0 for a visit the client's call made, 1 for a call made from inside it, … */
  depth: number;
}

/** A traced request: its life from arrival to its client's answer, and its visits. */
export interface RequestTrace {
  id: number;
  class: string;
  start: number;
  end: number;
  outcome: ChildOutcome;
  spans: TraceSpan[];
  /** Its latency (end − start) by cause; the parts add up to it to the nanosecond. */
  breakdown: LatencyBreakdown;
}

/**
 * Seconds of a latency by cause (run/latency-breakdown.ts): `queue`, queued in a component's line
 * (a station's, a server's accept queue or thread-pool queue, a limiter's, a lock's); `poolWait`,
 * queued for a pool's connection; `work`, held by a component outside its nested calls (the CPU,
 * run-queue and I/O time of the steps it hosts, a station's service); `untraced`, in no visit (a
 * retrying client's attempts and backoff, which are not traced one by one yet).
 */
export interface LatencyBreakdown {
  queue: number;
  poolWait: number;
  work: number;
  untraced: number;
}

/** Traced requests' breakdowns put together: their mean seconds per cause, and each cause's share of their latency. */
export interface BreakdownAggregate {
  requests: number;
  latencyMean: number;
  mean: LatencyBreakdown;
  share: LatencyBreakdown;
}

/** The completed traced requests whose latency ranks from `from` to `to` (fractions): what the median ones spent their time on, what the p99 ones did. */
export interface BreakdownBand extends BreakdownAggregate {
  from: number;
  to: number;
  /** Their latencies' range, seconds. */
  latency: { min: number; max: number };
}

export interface TraceSummary {
  sample: number;
  max: number;
  /** Measured requests sampled; `requests` keeps at most `max` of those that finished (a reservoir). */
  sampled: number;
  requests: RequestTrace[];
  /** The kept requests' breakdowns per class (every outcome) and per latency band (completed ones). */
  breakdown: {
    classes: Record<string, BreakdownAggregate>;
    bands: { p50: BreakdownBand; p90: BreakdownBand; p99: BreakdownBand };
  };
}

/** A figure estimated over replications: their mean, a Student-t 95% interval and their sd. */
export interface Estimate {
  value: number;
  ci95: [number, number];
  sd: number;
}

/**
 * Independent replications of a scenario (run.replications or run.precision). Each figure is
 * estimated from one value per replication, so its interval covers run-to-run variation.
 */
export interface ReplicationSummary {
  count: number;
  /** Seed of each replication, in order (the first is the scenario's). */
  seeds: number[];
  /** Why no more ran: the count asked for, the precision met, or `maxReplications` reached first. */
  stoppedBy: "count" | "precision" | "max-replications";
  /** The target and the relative half-width reached for its metric (precision mode only). */
  precision?: { metric: string; relative: number; achieved: number; met: boolean };
  /** Events over all replications. */
  events: number;
  latency: { mean: Estimate; p50: Estimate; p90: Estimate; p99: Estimate };
  wait: { mean: Estimate; p99: Estimate };
  throughput: Estimate;
  inSystem: { mean: Estimate };
  /** Each component's utilisation. */
  components: Record<string, { utilization: Estimate }>;
}
