// The run store of the embedded server: SQLite through drizzle. Every change is written (and, with
// synchronous = FULL, synced) before it is announced, and announced only to this process: with
// SQLite one process accepts and executes every run.

import { EventEmitter } from "node:events";
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { RunProgress } from "../../runs/run-task";
import {
  countsOf,
  type NewRun,
  type RunChange,
  type RunRow,
  type RunStatus,
  type RunStore,
  requeued,
  unfinishedStatuses,
} from "../run-store";
import type { Db } from "./client";
import { runs } from "./schema";

export class SqliteRunStore implements RunStore {
  readonly db: Db;
  private readonly changes = new EventEmitter();
  // Prepared once: GET /v1/runs/:id is the hottest path in the API.
  private readonly byId;

  constructor(db: Db) {
    this.db = db;
    this.changes.setMaxListeners(0);
    this.byId = db
      .select()
      .from(runs)
      .where(eq(runs.id, sql.placeholder("id")))
      .prepare();
  }

  async get(id: string): Promise<RunRow | undefined> {
    return this.byId.get({ id });
  }

  async enqueue(batch: NewRun[], now = Date.now()): Promise<string[]> {
    const queued = this.db.transaction((tx) => {
      const ids: string[] = [];
      for (const run of batch) {
        const inserted = tx
          .insert(runs)
          .values({ ...run, status: "queued", createdAt: now })
          .onConflictDoNothing()
          .run();
        const changed =
          inserted.changes === 1 ||
          tx
            .update(runs)
            .set(requeued)
            .where(and(eq(runs.id, run.id), eq(runs.status, "failed")))
            .run().changes === 1;
        if (changed) ids.push(run.id);
      }
      return ids;
    });
    for (const id of queued) this.emit({ type: "queued", id });
    return queued;
  }

  async markRunning(id: string, now = Date.now()): Promise<boolean> {
    const changed = this.db
      .update(runs)
      .set({ status: "running", startedAt: now, progress: null })
      .where(and(eq(runs.id, id), inArray(runs.status, unfinishedStatuses)))
      .run().changes;
    if (changed) this.emit({ type: "running", id });
    return changed === 1;
  }

  async reportProgress(id: string, progress: RunProgress): Promise<boolean> {
    const changed = this.db
      .update(runs)
      .set({ progress: JSON.stringify(progress) })
      .where(and(eq(runs.id, id), eq(runs.status, "running")))
      .run().changes;
    if (changed) this.emit({ type: "progress", id, ...progress });
    return changed === 1;
  }

  async markDone(id: string, resultJson: string, wallMs: number, now = Date.now()): Promise<boolean> {
    return this.finish(id, { status: "done", result: resultJson, error: null, wallMs, finishedAt: now });
  }

  async markFailed(id: string, errorJson: string, wallMs: number | null, now = Date.now()): Promise<boolean> {
    return this.finish(id, { status: "failed", error: errorJson, result: null, wallMs, finishedAt: now });
  }

  private finish(id: string, values: Partial<RunRow>): boolean {
    const changed = this.db
      .update(runs)
      .set({ ...values, progress: null })
      .where(and(eq(runs.id, id), inArray(runs.status, unfinishedStatuses)))
      .run().changes;
    if (changed) this.emit({ type: "finished", id });
    return changed === 1;
  }

  async requeue(id: string): Promise<boolean> {
    const changed = this.db
      .update(runs)
      .set(requeued)
      .where(and(eq(runs.id, id), inArray(runs.status, unfinishedStatuses)))
      .run().changes;
    if (changed) this.emit({ type: "queued", id });
    return changed === 1;
  }

  async unfinished(): Promise<RunRow[]> {
    return this.db
      .select()
      .from(runs)
      .where(inArray(runs.status, unfinishedStatuses))
      .orderBy(asc(runs.createdAt), asc(runs.id))
      .all();
  }

  async countUnfinished(): Promise<number> {
    const [row] = this.db
      .select({ n: count() })
      .from(runs)
      .where(inArray(runs.status, unfinishedStatuses))
      .all();
    return row?.n ?? 0;
  }

  async countByStatus(): Promise<Record<RunStatus, number>> {
    const rows = this.db.select({ status: runs.status, n: count() }).from(runs).groupBy(runs.status).all();
    return countsOf(rows);
  }

  async ping(): Promise<void> {
    this.db.$client.prepare("SELECT 1").get();
  }

  onChange(listener: (change: RunChange) => void): () => void {
    this.changes.on("change", listener);
    return () => this.changes.off("change", listener);
  }

  private emit(change: RunChange): void {
    this.changes.emit("change", change);
  }

  async close(): Promise<void> {
    this.db.$client.close();
  }
}
