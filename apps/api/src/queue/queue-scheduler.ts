// The API side of a Postgres deployment: a run accepted here is stored as queued and its job sent
// in one transaction, so it is queued exactly when it is stored, and any worker may take it. The
// queue limit counts the whole deployment's unfinished runs.

import type { PgRunStore } from "../db/postgres/pg-run-store";
import type { NewRun } from "../db/run-store";
import { type RunCounts, type RunScheduler, retryAfterSeconds } from "../runs/run-scheduler";
import type { JobQueue } from "./job-queue";

export class QueueScheduler implements RunScheduler {
  private readonly store: PgRunStore;
  private readonly queue: JobQueue;
  private readonly maxWallTime: number;
  /** The worker in this process (SYSLAB_ROLE=all), whose figures /healthz reports. */
  private readonly local: (RunCounts & { drain(timeoutMs: number): Promise<void> }) | undefined;
  readonly queueLimit: number;
  private draining = false;

  constructor(opts: {
    store: PgRunStore;
    queue: JobQueue;
    queueLimit: number;
    maxWallTime: number;
    local?: RunCounts & { drain(timeoutMs: number): Promise<void> };
  }) {
    this.store = opts.store;
    this.queue = opts.queue;
    this.queueLimit = opts.queueLimit;
    this.maxWallTime = opts.maxWallTime;
    this.local = opts.local;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  get pending(): number {
    return this.local?.pending ?? 0;
  }

  get running(): number {
    return this.local?.running ?? 0;
  }

  async hasRoom(count: number): Promise<boolean> {
    // Replicas check and insert apart, so together they may overshoot by the requests in flight.
    return (await this.store.countUnfinished()) + count <= this.queueLimit;
  }

  retryAfter(): number {
    return retryAfterSeconds(this.maxWallTime);
  }

  submit(runs: NewRun[]): Promise<string[]> {
    return this.store.enqueueWith(runs, (tx, ids) => this.queue.send(tx, ids));
  }

  async drain(timeoutMs: number): Promise<void> {
    this.draining = true;
    await this.local?.drain(timeoutMs);
  }
}
