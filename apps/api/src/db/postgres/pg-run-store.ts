// The run store of a deployment on Postgres (drizzle over node-postgres). Each change and its
// announcement are one statement — an UPDATE in a CTE and a pg_notify of the rows it changed — so a
// change is announced exactly when it commits, to every replica and worker that listens.

import { EventEmitter } from "node:events";
import { and, asc, count, eq, inArray, type SQL, sql } from "drizzle-orm";
import type pg from "pg";
import { apiErrors } from "../../errors/catalogue";
import type { Logger } from "../../ops/logger";
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
import { openPool, type PgDb, pgDb } from "./client";
import { isConnectionError } from "./connection-errors";
import { RunListener } from "./run-listener";
import { runs } from "./schema";

const channel = "syslab_runs";

/** What pg-boss needs to send a job inside the store's transaction. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export class PgRunStore implements RunStore {
  readonly pool: pg.Pool;
  /** Raw SQL over the pool, for pg-boss (which then shares this process's connections). */
  readonly executor: SqlExecutor;
  private readonly db: PgDb;
  private readonly listener: RunListener;
  private readonly changes = new EventEmitter();
  // Prepared (named) once per connection: GET /v1/runs/:id is the hottest path in the API.
  private readonly byId;

  private constructor(url: string, pool: pg.Pool, log: Logger) {
    this.pool = pool;
    this.executor = { executeSql: (text, values) => pool.query(text, values) };
    this.db = pgDb(pool);
    this.changes.setMaxListeners(0);
    this.byId = this.db
      .select()
      .from(runs)
      .where(eq(runs.id, sql.placeholder("id")))
      .prepare("syslab_run_by_id");
    this.listener = new RunListener({
      url,
      channel,
      log,
      onMessage: (payload) => {
        try {
          this.changes.emit("change", JSON.parse(payload) as RunChange);
        } catch (err) {
          log.warn({ err, payload }, "an unreadable run change was ignored");
        }
      },
      onResync: () => this.changes.emit("change", { type: "resync" } satisfies RunChange),
    });
  }

  /** Connects and starts listening for changes; rejects when Postgres cannot be reached. */
  static async open(url: string, opts: { poolSize: number; log: Logger }): Promise<PgRunStore> {
    const pool = openPool(url, opts.poolSize, opts.log);
    const store = new PgRunStore(url, pool, opts.log);
    try {
      await store.listener.start();
    } catch (err) {
      await pool.end();
      throw err;
    }
    return store;
  }

  async get(id: string): Promise<RunRow | undefined> {
    const [row] = await guard(this.byId.execute({ id }));
    return row;
  }

  enqueue(batch: NewRun[], now = Date.now()): Promise<string[]> {
    return this.enqueueWith(batch, async () => {}, now);
  }

  /**
   * enqueue, and in the same transaction `alsoDo` with the ids queued (pg-boss sends their jobs
   * there): a run is stored as queued exactly when its job exists.
   */
  async enqueueWith(
    batch: NewRun[],
    alsoDo: (tx: SqlExecutor, ids: string[]) => Promise<void>,
    now = Date.now(),
  ): Promise<string[]> {
    if (batch.length === 0) return [];
    const unique = [...new Map(batch.map((r) => [r.id, r])).values()];
    return this.transaction(async (db, tx) => {
      const inserted = await db
        .insert(runs)
        .values(unique.map((r) => ({ ...r, status: "queued" as const, createdAt: now })))
        .onConflictDoNothing()
        .returning({ id: runs.id });
      const insertedIds = new Set(inserted.map((r) => r.id));
      const others = unique.filter((r) => !insertedIds.has(r.id)).map((r) => r.id);
      const putBack =
        others.length === 0
          ? []
          : await db
              .update(runs)
              .set(requeued)
              .where(and(inArray(runs.id, others), eq(runs.status, "failed")))
              .returning({ id: runs.id });
      const queued = new Set([...insertedIds, ...putBack.map((r) => r.id)]);
      const ids = unique.map((r) => r.id).filter((id) => queued.has(id));
      if (ids.length === 0) return ids;
      await alsoDo(tx, ids);
      const payloads = ids.map((id) => JSON.stringify({ type: "queued", id } satisfies RunChange));
      await tx.executeSql("SELECT pg_notify($1, p) FROM unnest($2::text[]) AS p", [channel, payloads]);
      return ids;
    });
  }

  markRunning(id: string, now = Date.now()): Promise<boolean> {
    return this.change(
      { type: "running", id },
      this.db
        .update(runs)
        .set({ status: "running", startedAt: now, progress: null })
        .where(and(eq(runs.id, id), inArray(runs.status, unfinishedStatuses))),
    );
  }

  reportProgress(id: string, progress: RunProgress): Promise<boolean> {
    return this.change(
      { type: "progress", id, ...progress },
      this.db
        .update(runs)
        .set({ progress: JSON.stringify(progress) })
        .where(and(eq(runs.id, id), eq(runs.status, "running"))),
    );
  }

  markDone(id: string, resultJson: string, wallMs: number, now = Date.now()): Promise<boolean> {
    return this.finish(id, { status: "done", result: resultJson, error: null, wallMs, finishedAt: now });
  }

  markFailed(id: string, errorJson: string, wallMs: number | null, now = Date.now()): Promise<boolean> {
    return this.finish(id, { status: "failed", error: errorJson, result: null, wallMs, finishedAt: now });
  }

  private finish(id: string, values: Partial<RunRow>): Promise<boolean> {
    return this.change(
      { type: "finished", id },
      this.db
        .update(runs)
        .set({ ...values, progress: null })
        .where(and(eq(runs.id, id), inArray(runs.status, unfinishedStatuses))),
    );
  }

  requeue(id: string): Promise<boolean> {
    return this.change(
      { type: "queued", id },
      this.db
        .update(runs)
        .set(requeued)
        .where(and(eq(runs.id, id), inArray(runs.status, unfinishedStatuses))),
    );
  }

  /** Runs `update` and, if it changed the run, announces `change` — in one statement. */
  private async change(change: RunChange, update: { getSQL(): SQL }): Promise<boolean> {
    const result = await guard(
      this.db.execute(
        sql`WITH changed AS (${update.getSQL()} RETURNING ${runs.id}) SELECT pg_notify(${channel}, ${JSON.stringify(change)}) FROM changed`,
      ),
    );
    return result.rows.length === 1;
  }

  async unfinished(): Promise<RunRow[]> {
    return guard(
      this.db
        .select()
        .from(runs)
        .where(inArray(runs.status, unfinishedStatuses))
        .orderBy(asc(runs.createdAt), asc(runs.id)),
    );
  }

  async countUnfinished(): Promise<number> {
    const [row] = await guard(
      this.db.select({ n: count() }).from(runs).where(inArray(runs.status, unfinishedStatuses)),
    );
    return row?.n ?? 0;
  }

  async countByStatus(): Promise<Record<RunStatus, number>> {
    const rows = await guard(
      this.db.select({ status: runs.status, n: count() }).from(runs).groupBy(runs.status),
    );
    return countsOf(rows);
  }

  async ping(): Promise<void> {
    await guard(this.pool.query("SELECT 1"));
  }

  onChange(listener: (change: RunChange) => void): () => void {
    this.changes.on("change", listener);
    return () => this.changes.off("change", listener);
  }

  /** Runs `fn` in a transaction on one pooled connection, handing it drizzle and a raw executor. */
  private async transaction<T>(fn: (db: PgDb, tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await guard(this.pool.connect());
    let broken: unknown;
    try {
      await client.query("BEGIN");
      const tx: SqlExecutor = { executeSql: (text, values) => client.query(text, values) };
      const value = await fn(pgDb(client), tx);
      await client.query("COMMIT");
      return value;
    } catch (err) {
      broken = err;
      await client.query("ROLLBACK").catch(() => {});
      throw unavailableOr(err);
    } finally {
      // A connection that failed mid-transaction is dropped rather than handed to the next request.
      client.release(broken !== undefined && isConnectionError(broken));
    }
  }

  async close(): Promise<void> {
    await this.listener.close();
    await this.pool.end();
  }
}

/** Turns a lost database into a 503 the client can retry; other errors stay as they are. */
async function guard<T>(query: PromiseLike<T>): Promise<T> {
  try {
    return await query;
  } catch (err) {
    throw unavailableOr(err);
  }
}

function unavailableOr(err: unknown): unknown {
  return isConnectionError(err) ? apiErrors.storeUnavailable() : err;
}
