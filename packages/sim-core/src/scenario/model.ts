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
  /** Calls `target` `count` times at once and goes on when `wait` of the calls have answered. */
  | { kind: "fanout"; target: string; hold?: Distribution; steps?: Step[]; count: number; wait: number };

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
export type KeySpec = { kind: "zipf"; keys: number; s: number } | { kind: "uniform"; keys: number };

export interface RequestClass {
  name: string;
  weight: number; // default 1
  priority: number; // default 0; higher is served first under the "priority" discipline
  timeout?: number; // seconds; the client gives up on an attempt after this long
  retry?: RetryPolicy;
  hedge?: HedgePolicy;
  circuitBreaker?: CircuitBreakerPolicy;
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

export interface RunSpec {
  length: RunLength; // measured part
  warmup: RunLength; // comes first, never measured; { kind: "time", duration: 0 } when absent
  limits: RunLimits;
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
