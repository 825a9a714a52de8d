// The run store: where runs live, and how every change to one is announced. SQLite serves the
// embedded server, Postgres serves replicas and workers on many machines; both keep one contract
// (test/api/db/run-store.test.ts runs the same suite against each).

import type { RunProgress } from "../runs/run-task";

export const runStatuses = ["queued", "running", "done", "failed"] as const;
export type RunStatus = (typeof runStatuses)[number];

export interface RunRow {
  id: string;
  name: string | null;
  /** The canonical scenario as JSON: what the id is derived from. */
  scenario: string;
  /** The scenario as first submitted; the worker parses it again, exactly as the CLI would. */
  input: string;
  scenarioHash: string;
  status: RunStatus;
  /** The result JSON exactly as the engine serialised it; served verbatim. */
  result: string | null;
  error: string | null;
  engineVersion: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  wallMs: number | null;
  /** The latest progress of a running run, as JSON. */
  progress: string | null;
}

export interface NewRun {
  id: string;
  name: string | null;
  scenario: string;
  input: string;
  scenarioHash: string;
  engineVersion: string;
}

/** What listeners hear after a change is stored. */
export type RunChange =
  | { type: "queued" | "running" | "finished"; id: string }
  | ({ type: "progress"; id: string } & RunProgress)
  /** Changes may have been missed (the store's connection was lost and is back): re-read what you watch. */
  | { type: "resync" };

export interface RunStore {
  get(id: string): Promise<RunRow | undefined>;
  /**
   * Stores each run as queued: inserted when new, put back when it had failed. Returns the ids this
   * call queued; a run that exists and has not failed is left alone (someone else queued it).
   */
  enqueue(runs: NewRun[], now?: number): Promise<string[]>;
  /** queued → running (or a new attempt at a running run whose worker was lost). */
  markRunning(id: string, now?: number): Promise<boolean>;
  /** Kept only while the run is running. */
  reportProgress(id: string, progress: RunProgress): Promise<boolean>;
  /** An unfinished run → done; a finished one is left as it is. */
  markDone(id: string, resultJson: string, wallMs: number, now?: number): Promise<boolean>;
  /** An unfinished run → failed; a finished one is left as it is. */
  markFailed(id: string, errorJson: string, wallMs: number | null, now?: number): Promise<boolean>;
  /** Puts an unfinished run back in the queue, as if it had never started. */
  requeue(id: string): Promise<boolean>;
  /** Runs accepted but not finished, oldest first. */
  unfinished(): Promise<RunRow[]>;
  /** Queued plus running: what the queue limit bounds (a cheap index range, unlike countByStatus). */
  countUnfinished(): Promise<number>;
  countByStatus(): Promise<Record<RunStatus, number>>;
  /** Resolves when the store answers a trivial query; rejects when it is unreachable. */
  ping(): Promise<void>;
  /** Calls `listener` after every stored change, from any process that shares this store. */
  onChange(listener: (change: RunChange) => void): () => void;
  close(): Promise<void>;
}

export const unfinishedStatuses: RunStatus[] = ["queued", "running"];

export function isFinished(row: Pick<RunRow, "status">): boolean {
  return row.status === "done" || row.status === "failed";
}

/** The columns a run gets back when it is queued again: as if it had never started. */
export const requeued = {
  status: "queued",
  startedAt: null,
  finishedAt: null,
  wallMs: null,
  error: null,
  result: null,
  progress: null,
} as const;

/** Counts per status from a GROUP BY, with the statuses no run has at 0. */
export function countsOf(rows: { status: RunStatus; n: number | string }[]): Record<RunStatus, number> {
  const counts = Object.fromEntries(runStatuses.map((s) => [s, 0])) as Record<RunStatus, number>;
  for (const { status, n } of rows) counts[status] = Number(n);
  return counts;
}
