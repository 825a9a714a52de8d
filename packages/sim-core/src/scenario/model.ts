/**
 * The normalized scenario: what validation produces and what the engine consumes.
 * Every duration is a number of seconds; every distribution is a tagged object.
 * The JSON a user writes (durations with units, shorthand distributions) is parsed
 * into this shape by scenario/schema.ts; the engine never sees raw JSON.
 */

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

export interface RequestClass {
  name: string;
  weight: number; // default 1
  priority: number; // default 0; higher is served first under the "priority" discipline
  timeout?: number; // seconds; the client gives up after this long
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

export type Discipline = "fcfs" | "lifo" | "priority" | "ps";

export interface StationComponent {
  type: "station";
  servers: number; // default 1
  discipline: Discipline; // default "fcfs"
  capacity?: number; // in service + waiting; absent = unbounded
}

export type Affinity = "pinned" | "floating";

/** How a server's processes and threads take requests (DESIGN.md, "server"). */
export type Architecture =
  /** `workers` processes of one thread each, non-blocking, at most `connections` open per worker (NGINX, Node). */
  | { kind: "event-loop"; workers: number; connections: number; gil: boolean }
  /** One process, `threads` blocking threads and a bounded `queue`; full → rejected (503) (Tomcat). */
  | { kind: "thread-pool"; threads: number; queue: number; gil: boolean }
  /** `workers` processes, one blocking request at a time each (Gunicorn sync). */
  | { kind: "prefork"; workers: number; gil: boolean }
  /** One process whose `threads` non-blocking threads share all its connections' work (HAProxy). */
  | { kind: "threads"; threads: number; connections: number; gil: boolean };

export interface ServerComponent {
  type: "server";
  cores: number;
  timeslice: number; // seconds: the slice while one or two threads share a core
  minTimeslice: number; // seconds: the floor as slices shrink with more runnable threads
  contextSwitch: number; // seconds of core time per switch
  migration: number; // seconds of core time when a thread resumes on another core
  affinity: Affinity;
  architecture: Architecture;
  /** Seconds a GIL holder runs while others wait before handing over (absent: CPython's 5 ms). */
  gilSwitchInterval?: number;
  acceptBacklog: number; // listen backlog; the kernel caps it at somaxconn (4096)
  onOverflow: "drop" | "reset";
  /** Resident bytes per process, per thread and per open connection, for peakMemory. */
  memory: { process: number; thread: number; connection: number };
}

/**
 * A connection pool in front of `target` (or holding for the call's `hold` itself when
 * there is no target). mode "pool": an application-side pool (HikariCP, SQLAlchemy) with
 * `size` connections, at most `queue` callers waiting, each for at most `acquireTimeout`.
 * mode "transaction": a pgbouncer in transaction pooling, where up to `clientConnections`
 * clients share `size` server connections, each held for one transaction only.
 */
export interface PoolComponent {
  type: "pool";
  mode: "pool" | "transaction";
  size: number;
  queue?: number; // callers that may wait (absent: unbounded); for "transaction", clientConnections − size
  acquireTimeout: number; // seconds; Infinity when none
  clientConnections?: number; // "transaction" only
  target?: string;
}

/** Components added by later building blocks (servers, pools, …) extend this union. */
export type Component = StationComponent | ServerComponent | PoolComponent;

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
