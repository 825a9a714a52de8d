/**
 * A program: the explorer's document ("kind": "program"). Threads of atomic steps over shared
 * integer variables, mutexes, condition variables and semaphores; the explorer enumerates their
 * interleavings. This is the normalized form the parser returns (defaults filled in).
 */

/** An integer, or an expression over registers (over shared variables in `check.final`). */
export type ExpressionSource = number | string;

export type ProgramStep =
  | { load: string; into: string }
  | { store: string; value: ExpressionSource }
  | { let: string; value: ExpressionSource }
  | { cas: string; expect: ExpressionSource; value: ExpressionSource; into?: string }
  | { fetchAdd: string; by: ExpressionSource; into?: string }
  | { lock: string }
  | { unlock: string }
  | { tryLock: string; into: string }
  | { wait: string; mutex: string }
  | { notify: string }
  | { notifyAll: string }
  | { acquire: string }
  | { release: string }
  | { fence: true }
  | { yield: true }
  | { if: ExpressionSource; then: ProgramStep[]; else?: ProgramStep[] }
  | { while: ExpressionSource; do: ProgramStep[] }
  | { assert: ExpressionSource; message?: string };

export type ProgramThread = { name: string; steps: ProgramStep[] } | { name: string; copy: string };

export type MemoryModel = "sc" | "tso";
export type SearchStrategy = "exhaustive" | "random" | "pct";

export interface ProgramSearch {
  strategy: SearchStrategy;
  /** "dpor" (default) or "none": every interleaving, for comparison. */
  reduction: "dpor" | "none";
  /** Iterative preemption bounding goes up to this many preemptions before an unbounded pass. */
  preemptions: number;
  /** Whether a pass without a bound follows the bounded ones (default true). */
  unbounded: boolean;
  seed: number;
  /** PCT's depth: the number of priority change points plus one. */
  depth: number;
  maxExecutions: number;
  maxStates: number;
  maxSteps: number;
  /** Seconds of real time. */
  maxWallTime: number;
}

export interface Program {
  version: 1;
  kind: "program";
  name?: string;
  description?: string;
  memoryModel: MemoryModel;
  shared: Record<string, number>;
  /** Shared variables whose loads and stores synchronise (atomics, Java volatile): they never race. */
  atomic: string[];
  semaphores: Record<string, number>;
  spuriousWakeups: boolean;
  /** Capacity of each thread's store buffer under TSO; a store waits while it is full. */
  storeBuffer: number;
  threads: ProgramThread[];
  check: { final?: string };
  search: ProgramSearch;
}
