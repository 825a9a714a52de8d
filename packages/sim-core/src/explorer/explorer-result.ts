/** What exploring a program gives (the names in DESIGN.md: exhaustive, executions, states, outcomes, violations). */

/** One event of a schedule, as a person reads it. */
export interface TraceStep {
  /** The thread that moved (for a flush, the thread whose store buffer drained one entry). */
  thread: string;
  /** JSON path of the step in the program, or "flush" for a store-buffer flush under TSO. */
  step: string;
  /** What happened, in words: `load counter → r = 0`. */
  action: string;
  read?: { variable: string; value: number };
  wrote?: { variable: string; value: number };
  /** The thread's store buffer after the event, oldest first (TSO only). */
  buffer?: { variable: string; value: number }[];
  /** This event preempted a thread that could have gone on. */
  preemption?: true;
}

export interface Outcome {
  /** Shared memory when every thread had finished. */
  shared: Record<string, number>;
  /** Executions explored that ended so (one per equivalence class under DPOR). */
  count: number;
  /** One schedule that gives it, the one with fewest preemptions found. */
  schedule: TraceStep[];
}

export type ViolationKind = "final" | "assert" | "deadlock" | "livelock" | "starvation" | "data-race";

export interface Violation {
  kind: ViolationKind;
  /** What went wrong, in a sentence. */
  message: string;
  /** Preemptions in the schedule: under exhaustive search, the fewest any schedule needs. */
  preemptions: number;
  /** The shortest schedule found that shows it, step by step. */
  schedule: TraceStep[];
  /** A deadlock's wait-for cycle, by thread name (the first repeated at the end). */
  cycle?: string[];
  /** The threads concerned: a deadlock's blocked threads, a livelock's busy ones, the starved one, a race's two. */
  threads?: string[];
  /** For a data race: the variable; for a deadlock on a condition variable: true when it is a lost wake-up. */
  variable?: string;
  lostWakeup?: boolean;
  /** Under a cycle (livelock, starvation): the index in `schedule` where the repeating part begins. */
  cycleStart?: number;
}

export interface ExplorerResult {
  engine: { name: "syslab"; version: string };
  programHash: string;
  name?: string;
  memoryModel: "sc" | "tso";
  strategy: "exhaustive" | "random" | "pct";
  /** True when every schedule was covered (up to equivalence): no budget, bound or depth cut the search. */
  exhaustive: boolean;
  /** Executions explored in the last (unbounded) pass, or all random ones. */
  executions: number;
  /** Distinct states seen, over every pass. */
  states: number;
  /** Steps executed over the whole search. */
  steps: number;
  /** Exhaustive search: the preemption-bounded passes before the last, with their executions. */
  passes?: { preemptions: number | null; executions: number }[];
  outcomes: Outcome[];
  violations: Violation[];
  /** Set when a budget ended the search early: which, and what to do. */
  stopped?: { budget: "executions" | "states" | "steps" | "wallTime" | "depth"; message: string };
}
