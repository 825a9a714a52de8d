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
  | { kind: "call"; target: string; hold?: Distribution; steps?: Step[] };

/** How a client retries a failed attempt (run/retrying-client.ts). */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The failures that are retried. */
  on: ("rejected" | "reset" | "timeout")[];
  backoff: { base: number; cap: number; jitter: "none" | "full" | "equal" | "decorrelated" };
}

/** Which of `keys` items a request is about (0 … keys − 1). */
export type KeySpec = { kind: "zipf"; keys: number; s: number } | { kind: "uniform"; keys: number };

export interface RequestClass {
  name: string;
  weight: number; // default 1
  priority: number; // default 0; higher is served first under the "priority" discipline
  timeout?: number; // seconds; the client gives up on an attempt after this long
  retry?: RetryPolicy;
  key?: KeySpec;
  steps: Step[];
}

export type RateSegment = { from: number; rate: number }; // rate (per second) from time `from` on

export type Arrival =
  | { process: "poisson"; rate: number | RateSegment[] }
  | { process: "constant"; rate: number | RateSegment[] }
  /** Poisson at `rate` during on-periods, silent during off-periods. */
  | { process: "onoff"; rate: number; on: Distribution; off: Distribution };

export interface ClosedClients {
  users: number;
  think: Distribution;
}

export interface Workload {
  arrival?: Arrival; // open workload
  clients?: ClosedClients; // closed workload (exactly one of arrival / clients)
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
