/**
 * The normalized scenario: what validation produces and what the engine consumes.
 * Every duration is a number of seconds; every distribution is a tagged object.
 * The JSON a user writes (durations with units, shorthand distributions) is parsed
 * into this shape by scenario/schema.ts; the engine never sees raw JSON.
 */
import type { SpecOf } from "../component/component-kind";
import type { componentKinds } from "../component-kinds";

export type { PoolComponent } from "../pools/pool-schema";
export type { Architecture, ServerComponent } from "../servers/server-schema";
export type { StationComponent, StationDiscipline } from "../stations/station-schema";

export type Distribution =
  | { kind: "constant"; value: number }
  | { kind: "exp"; mean: number }
  | { kind: "uniform"; min: number; max: number }
  | { kind: "normal"; mean: number; sd: number } // truncated at 0
  | { kind: "lognormal"; mu: number; sigma: number } // median+p99 form is converted at parse time
  | { kind: "erlang"; k: number; mean: number }
  | { kind: "hyperexp"; mean: number; scv: number } // balanced two-phase, scv >= 1
  | { kind: "pareto"; scale: number; shape: number }
  | { kind: "empirical"; values: number[] };

/** One piece of a request's work, executed in order. */
export type Step =
  /** Served by the station the request is at (the entry station). */
  | { kind: "service"; duration: Distribution }
  /** Needs a core on a server. */
  | { kind: "cpu"; duration: Distribution }
  /** Waits for a duration; a blocking architecture holds its thread meanwhile. */
  | { kind: "io"; duration: Distribution }
  /** Visits another component: a station or pool serves it for `hold`; a server runs `steps`. */
  | { kind: "call"; target: string; hold?: Distribution; steps?: Step[] }
  /** Publishes a task to a broker, then learns of its result as `wait` says (jobs/). */
  | { kind: "publish"; broker: string; task: TaskSpec; wait: WaitSpec }
  /** Calls `target` `count` times at once and goes on when `wait` of the calls have answered. */
  | { kind: "fanout"; target: string; hold?: Distribution; steps?: Step[]; count: number; wait: number };

/** A task's retry policy, as Celery's autoretry_for / max_retries / retry_backoff / retry_jitter. */
export interface TaskRetrySpec {
  /** Retries after the first execution (Celery max_retries, default 3). */
  maxRetries: number;
  /** Delay before a retry when there is no backoff (Celery default_retry_delay, 180 s). */
  countdown: number;
  /** Exponential backoff factor in seconds (retry n waits backoff × 2^n); 0: none, use `countdown`. */
  backoff: number;
  /** Cap of the backoff (Celery retry_backoff_max, 600 s). */
  backoffMax: number;
  /** Full jitter: a retry waits a uniform time in [0, the backoff] (Celery retry_jitter, default true). */
  jitter: boolean;
}

/** A task a publish step sends: its own steps, run by the workers that consume the broker. */
export interface TaskSpec {
  name: string;
  steps: Step[];
  /** Priority level (0 = lowest) on a broker with priority levels. */
  priority: number;
  /** Delayed delivery: seconds before the message becomes visible (Celery countdown). */
  countdown: number;
  /** Probability that an execution raises (and is retried when `retry` allows). */
  fails: number;
  retry?: TaskRetrySpec;
  /** Hard time limit in seconds: the execution is killed (Infinity: none). */
  timeLimit: number;
  /** A duplicate delivery of a task already done does no work. */
  idempotent: boolean;
  /** Set: a publish while an earlier run of the same step is unfinished is skipped (absent: "allow", it publishes). */
  overlap?: "skip";
}

/** The request that polls or long-polls: a call to the API component. */
export type WaitCall = Extract<Step, { kind: "call" }>;

/** How the publishing client learns the task is done. */
export type WaitSpec =
  | { by: "none" }
  | { by: "poll"; interval: number; request: WaitCall }
  | { by: "long-poll"; timeout: number; request: WaitCall }
  | { by: "push"; delay: Distribution };

/** How a client retries a failed attempt (run/retrying-client.ts). */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The failures that are retried. */
  on: ("rejected" | "reset" | "timeout" | "limited")[];
  backoff: { base: number; cap: number; jitter: "none" | "full" | "equal" | "decorrelated" };
  /** At most this fraction of the class's traffic may be retries (over the last 10 s); absent: no budget. */
  budget?: number;
}

/** When a client sends a second copy of a request that has not answered (run/retrying-client.ts). */
export type HedgePolicy = { kind: "after"; after: number } | { kind: "quantile"; quantile: number };

/** A client-side circuit breaker: open after `failures` failed attempts within `window`, for `openFor`. */
export interface CircuitBreakerPolicy {
  failures: number;
  window: number;
  openFor: number;
}

/** Which of `keys` items a request is about (0 … keys − 1). */
export type KeySpec =
  | { kind: "zipf"; keys: number; s: number; shift?: KeyShift }
  | { kind: "uniform"; keys: number };

/** A working set that moves: every `every` seconds the popularity ranks rotate by `by` keys. */
export interface KeyShift {
  every: number;
  by: number;
}

export interface RequestClass {
  name: string;
  weight: number; // default 1
  priority: number; // default 0; higher is served first under the "priority" discipline
  timeout?: number; // seconds; the client gives up on an attempt after this long
  retry?: RetryPolicy;
  hedge?: HedgePolicy;
  circuitBreaker?: CircuitBreakerPolicy;
  key?: KeySpec;
  /** Its requests change what they are about: a cache in their path invalidates or writes through. */
  write?: boolean;
  steps: Step[];
}

export type RateSegment = { from: number; rate: number }; // rate (per second) from time `from` on

/** A smooth daily (or `period`-long) swing of a Poisson rate: ×1 at the trough, ×`peakFactor` at `peakAt`. */
export interface Diurnal {
  period: number;
  peakFactor: number;
  peakAt: number;
}

/** A burst: the rate × `factor` from `at` for `for`, rising and falling linearly over `ramp` (0: at once). */
export interface FlashCrowd {
  at: number;
  for: number;
  factor: number;
  ramp: number;
}

/** One request of an arrival trace: when it arrives, and optionally its class (by name) and key. */
export interface TracedArrival {
  at: number;
  class?: string;
  key?: number;
}

export type Arrival =
  | {
      process: "poisson";
      rate: number | RateSegment[];
      diurnal?: Diurnal;
      flashCrowds?: FlashCrowd[];
    }
  | { process: "constant"; rate: number | RateSegment[] }
  /** Poisson at `rate` during on-periods, silent during off-periods. */
  | { process: "onoff"; rate: number; on: Distribution; off: Distribution }
  /** Replays the given arrival times, in order; no request arrives after the last. */
  | { process: "trace"; arrivals: TracedArrival[] };

/** The arrival processes driven by a rate (all but a trace). */
export type RateArrival = Exclude<Arrival, { process: "trace" }>;

export interface ClosedClients {
  users: number;
  think: Distribution;
}

export interface Workload {
  arrival?: Arrival; // open workload
  clients?: ClosedClients; // closed workload (exactly one of arrival / clients)
  population?: number; // open workload: distinct clients sending its requests
  requests: RequestClass[];
}

/** Any component, as a kind's schema normalises it; the union is derived from the list of kinds. */
export type Component = SpecOf<(typeof componentKinds)[number]>;

export type RunLength = { kind: "time"; duration: number } | { kind: "requests"; count: number };

export interface RunLimits {
  maxEvents?: number;
  maxWallTime?: number; // seconds of real time
  maxSimTime?: number; // seconds of simulated time
  maxInFlight?: number; // requests alive at once: bounds memory
}

/** Replicate until the 95% interval of `metric` is within `relative` of its mean (run/replications.ts). */
export interface PrecisionSpec {
  /** A key figure: "latency.mean", "latency.p99", "throughput", "components.<name>.utilization", … */
  metric: string;
  /** Wanted half-width of the interval over the estimate, e.g. 0.05. */
  relative: number;
  minReplications: number;
  maxReplications: number;
}

/** Which requests to trace (run/trace-recorder.ts): a fraction of the measured ones, at most `max` kept. */
export interface TraceSpec {
  sample: number;
  max: number;
}

export interface RunSpec {
  length: RunLength; // measured part
  warmup: RunLength; // comes first, never measured; { kind: "time", duration: 0 } when absent
  limits: RunLimits;
  /** Independent replications to run (absent: one run, no replication summary). */
  replications?: number;
  /** Replicate until precise enough (absent: a fixed count, or one run). */
  precision?: PrecisionSpec;
  /** Record per-request traces (absent: none). */
  trace?: TraceSpec;
}

export interface Scenario {
  version: 1;
  name?: string;
  seed: number;
  run: RunSpec;
  workload: Workload;
  entry: string;
  components: Record<string, Component>;
}
