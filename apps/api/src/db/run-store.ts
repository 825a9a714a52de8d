// Reads and writes runs; every status transition is persisted here before anyone is told of it.

import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "./client";
import { type RunRow, runs } from "./schema";

export interface NewRun {
  id: string;
  name: string | null;
  scenario: string;
  input: string;
  scenarioHash: string;
  engineVersion: string;
}

export class RunStore {
  readonly db: Db;
  // Prepared once: GET /v1/runs/:id is the hottest path in the API.
  private readonly byId;

  constructor(db: Db) {
    this.db = db;
    this.byId = db
      .select()
      .from(runs)
      .where(eq(runs.id, sql.placeholder("id")))
      .prepare();
  }

  get(id: string): RunRow | undefined {
    return this.byId.get({ id });
  }

  /** Inserts a queued run; false when a run with this id already exists. */
  insert(run: NewRun, now = Date.now()): boolean {
    const info = this.db
      .insert(runs)
      .values({ ...run, status: "queued", createdAt: now })
      .onConflictDoNothing()
      .run();
    return info.changes === 1;
  }

  markRunning(id: string, now = Date.now()): void {
    this.db
      .update(runs)
      .set({ status: "running", startedAt: now })
      .where(and(eq(runs.id, id), eq(runs.status, "queued")))
      .run();
  }

  markDone(id: string, resultJson: string, wallMs: number, now = Date.now()): void {
    this.db
      .update(runs)
      .set({ status: "done", result: resultJson, error: null, wallMs, finishedAt: now })
      .where(eq(runs.id, id))
      .run();
  }

  markFailed(id: string, errorJson: string, wallMs: number | null, now = Date.now()): void {
    this.db
      .update(runs)
      .set({ status: "failed", error: errorJson, result: null, wallMs, finishedAt: now })
      .where(eq(runs.id, id))
      .run();
  }

  /** Puts a run back in the queue, as if it had never started. */
  requeue(id: string): void {
    this.db
      .update(runs)
      .set({ status: "queued", startedAt: null, finishedAt: null, wallMs: null, error: null, result: null })
      .where(eq(runs.id, id))
      .run();
  }

  /** Runs accepted but not finished, oldest first: what a restart must run again. */
  unfinished(): RunRow[] {
    return this.db
      .select()
      .from(runs)
      .where(inArray(runs.status, ["queued", "running"]))
      .orderBy(asc(runs.createdAt), asc(runs.id))
      .all();
  }

  close(): void {
    this.db.$client.close();
  }
}
