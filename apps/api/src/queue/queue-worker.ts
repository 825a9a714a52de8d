// A worker of a Postgres deployment: takes run jobs from the queue, as many at a time as its pool has
// threads, executes them in its own piscina pool (executeRun) and records progress and outcomes in
// the store — retrying those writes through a database outage, for as long as the job is its own.
// It wakes when a run is queued (the store's announcement) and otherwise looks every few seconds,
// which also finds jobs retried after another worker died.

import type { RunLimits } from "@syslab/sim-core";
import { isConnectionError } from "../db/postgres/connection-errors";
import type { PgRunStore } from "../db/postgres/pg-run-store";
import { isFinished } from "../db/run-store";
import { ApiError } from "../errors/api-error";
import { apiErrors } from "../errors/catalogue";
import type { Logger } from "../ops/logger";
import type { RunMetrics } from "../ops/metrics";
import { executeRun } from "../runs/execute-run";
import type { RunExecutor } from "../runs/run-executor";
import type { RunCounts } from "../runs/run-scheduler";
import { runErrorBody } from "../runs/run-task";
import { type JobQueue, lostQueue, type RunJob, runsQueue } from "./job-queue";

/** How often an idle worker looks for jobs that no announcement told it of (retries, missed wake-ups). */
const pollMs = 2000;
/** Stop retrying a write this long before the job expires: after that another worker may hold it. */
const expiryMarginMs = 5000;

interface Claim {
  abort: AbortController;
  started: boolean;
}

export class QueueWorker implements RunCounts {
  private readonly store: PgRunStore;
  private readonly queue: JobQueue;
  private readonly executor: RunExecutor;
  private readonly limits: Required<RunLimits>;
  private readonly concurrency: number;
  private readonly jobExpireMs: number;
  private readonly attempts: number;
  private readonly log: Logger;
  private readonly metrics: RunMetrics | undefined;
  readonly queueLimit: number;
  private readonly claims = new Map<string, Claim>();
  private readonly idle = new Set<() => void>();
  private loops: Promise<void>[] = [];
  private stopListening: (() => void) | undefined;
  private stopping = false;

  constructor(opts: {
    store: PgRunStore;
    queue: JobQueue;
    executor: RunExecutor;
    limits: Required<RunLimits>;
    concurrency: number;
    jobExpire: number;
    jobRetryLimit: number;
    queueLimit: number;
    log: Logger;
    metrics?: RunMetrics;
  }) {
    this.store = opts.store;
    this.queue = opts.queue;
    this.executor = opts.executor;
    this.limits = opts.limits;
    this.concurrency = opts.concurrency;
    this.jobExpireMs = opts.jobExpire * 1000;
    this.attempts = opts.jobRetryLimit + 1;
    this.queueLimit = opts.queueLimit;
    this.log = opts.log;
    this.metrics = opts.metrics;
  }

  get isDraining(): boolean {
    return this.stopping;
  }

  get pending(): number {
    return this.claims.size;
  }

  get running(): number {
    let n = 0;
    for (const claim of this.claims.values()) if (claim.started) n++;
    return n;
  }

  start(): void {
    this.stopListening = this.store.onChange((change) => {
      if (change.type === "queued" || change.type === "resync") this.wakeAll();
    });
    for (let i = 0; i < this.concurrency; i++) this.loops.push(this.loop(runsQueue, (job) => this.run(job)));
    this.loops.push(this.loop(lostQueue, (job) => this.recordLost(job)));
  }

  private async loop(queue: string, handle: (job: RunJob) => Promise<void>): Promise<void> {
    while (!this.stopping) {
      const job = await this.queue.take(queue).catch(() => undefined);
      if (!job) {
        await this.pause(pollMs);
        continue;
      }
      if (this.stopping) {
        // Taken just as the drain began: hand it straight to another worker.
        await this.queue.giveBack(queue, job.jobId, "the worker is stopping").catch(() => {});
        break;
      }
      await handle(job);
    }
  }

  private async run(job: RunJob): Promise<void> {
    const { runId } = job;
    const persist = this.persistUntil(Date.now() + this.jobExpireMs - expiryMarginMs);
    const claim: Claim = { abort: new AbortController(), started: false };
    this.claims.set(runId, claim);
    try {
      const row = await persist("read the run", () => this.store.get(runId));
      if (!row || isFinished(row)) {
        // Delivered again after it finished: its worker stopped between storing it and completing the job.
        await persist("complete the job", () => this.queue.complete(runsQueue, job.jobId));
        return;
      }
      this.log.info({ runId, retries: job.retries }, "run started");
      const ctx = {
        store: this.store,
        executor: this.executor,
        limits: this.limits,
        log: this.log,
        metrics: this.metrics,
        persist,
      };
      const end = await executeRun(ctx, runId, row.input, claim.abort.signal, () => {
        claim.started = true;
        return true;
      });
      if (end === "stopped") {
        await persist("put the run back", () => this.store.requeue(runId));
        await persist("give the job back", () =>
          this.queue.giveBack(runsQueue, job.jobId, "the worker stopped before the run finished"),
        );
        this.log.info({ runId }, "run given back");
        return;
      }
      await persist("complete the job", () => this.queue.complete(runsQueue, job.jobId));
      this.log.info({ runId, outcome: end }, `run ${end}`);
    } catch (err) {
      // The store stayed out of reach: the job expires and another worker runs the run again.
      this.log.error({ err, runId }, "the run could not be recorded; another worker will run it again");
    } finally {
      this.claims.delete(runId);
    }
  }

  /** Every worker given this run stopped before finishing it: record it as failed. */
  private async recordLost(job: RunJob): Promise<void> {
    const persist = this.persistUntil(Date.now() + this.jobExpireMs - expiryMarginMs);
    try {
      const error = JSON.stringify(runErrorBody(apiErrors.runLost(this.attempts)));
      await persist("record the lost run", () => this.store.markFailed(job.runId, error, null));
      await persist("complete the job", () => this.queue.complete(lostQueue, job.jobId));
      this.log.warn({ runId: job.runId, attempts: this.attempts }, "run failed: its workers kept stopping");
    } catch (err) {
      this.log.error({ err, runId: job.runId }, "a lost run could not be recorded; it will be tried again");
    }
  }

  /** Retries a write while the database is unreachable, until `deadline`. */
  private persistUntil(deadline: number) {
    return async <T>(what: string, write: () => Promise<T>): Promise<T> => {
      let delay = 250;
      for (;;) {
        try {
          return await write();
        } catch (err) {
          const unreachable =
            isConnectionError(err) || (err instanceof ApiError && err.code === "store.unavailable");
          if (!unreachable || Date.now() + delay > deadline) throw err;
          this.log.warn({ err }, `could not ${what}; trying again`);
          await new Promise((r) => setTimeout(r, delay));
          delay = Math.min(2000, delay * 2);
        }
      }
    };
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.idle.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.idle.add(done);
    });
  }

  private wakeAll(): void {
    for (const wake of [...this.idle]) wake();
  }

  /**
   * Takes no more jobs, lets running runs finish for `timeoutMs`, then stops the rest and gives their
   * jobs back, so that another worker starts them at once rather than after they expire.
   */
  async drain(timeoutMs: number): Promise<void> {
    this.stopping = true;
    this.wakeAll();
    const loops = Promise.all(this.loops);
    const finished = await Promise.race([
      loops.then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), timeoutMs)),
    ]);
    if (!finished) {
      for (const [runId, claim] of this.claims) {
        claim.abort.abort();
        this.executor.stop(runId);
      }
      // Giving the jobs back takes a moment; if the database is down, they expire instead.
      await Promise.race([loops, new Promise((r) => setTimeout(r, 10_000))]);
    }
    this.stopListening?.();
    await this.executor.destroy();
  }
}
