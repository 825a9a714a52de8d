// The embedded server's scheduler: runs every accepted run in this process's worker pool. It bounds
// the queue, re-queues unfinished runs at start, and drains on stop; the store records and announces
// every transition (executeRun).

import type { RunLimits } from "@syslab/sim-core";
import type { NewRun, RunStore } from "../db/run-store";
import type { Logger } from "../ops/logger";
import type { RunMetrics } from "../ops/metrics";
import { executeRun } from "./execute-run";
import type { RunExecutor } from "./run-executor";
import { type RunScheduler, retryAfterSeconds } from "./run-scheduler";

interface ActiveRun {
  abort: AbortController;
  started: boolean;
  settled: Promise<void>;
}

export class LocalRunScheduler implements RunScheduler {
  private readonly store: RunStore;
  private readonly executor: RunExecutor;
  private readonly limits: Required<RunLimits>;
  private readonly log: Logger;
  private readonly metrics: RunMetrics | undefined;
  readonly queueLimit: number;
  private readonly active = new Map<string, ActiveRun>();
  private draining = false;

  constructor(opts: {
    store: RunStore;
    executor: RunExecutor;
    limits: Required<RunLimits>;
    queueLimit: number;
    log: Logger;
    metrics?: RunMetrics;
  }) {
    this.store = opts.store;
    this.executor = opts.executor;
    this.limits = opts.limits;
    this.queueLimit = opts.queueLimit;
    this.log = opts.log;
    this.metrics = opts.metrics;
  }

  get pending(): number {
    return this.active.size;
  }

  get running(): number {
    let n = 0;
    for (const run of this.active.values()) if (run.started) n++;
    return n;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  async hasRoom(count: number): Promise<boolean> {
    return this.active.size + count <= this.queueLimit;
  }

  retryAfter(): number {
    return retryAfterSeconds(this.limits.maxWallTime);
  }

  async submit(runs: NewRun[]): Promise<string[]> {
    const queued = await this.store.enqueue(runs);
    for (const id of queued) this.start(id, runs.find((r) => r.id === id)!.input);
    return queued;
  }

  /** At start: every run that was queued or running when the last process stopped runs again. */
  async recover(): Promise<number> {
    const rows = await this.store.unfinished();
    for (const row of rows) {
      if (row.status === "running") await this.store.requeue(row.id);
      this.start(row.id, row.input);
    }
    return rows.length;
  }

  private start(id: string, input: string): void {
    if (this.active.has(id)) return;
    const run: ActiveRun = { abort: new AbortController(), started: false, settled: Promise.resolve() };
    this.active.set(id, run);
    run.settled = this.execute(id, input, run);
  }

  private async execute(id: string, input: string, run: ActiveRun): Promise<void> {
    const ctx = {
      store: this.store,
      executor: this.executor,
      limits: this.limits,
      log: this.log,
      metrics: this.metrics,
    };
    try {
      await executeRun(ctx, id, input, run.abort.signal, () => {
        // A run withdrawn by a drain stays queued for the next start.
        if (!this.active.has(id) || this.draining) return false;
        run.started = true;
        return true;
      });
    } catch (err) {
      this.log.error({ err, runId: id }, "the run's outcome could not be stored");
    } finally {
      this.active.delete(id);
    }
  }

  /**
   * Runs not started are withdrawn (they stay queued in the database), running ones get `timeoutMs`
   * to finish, and whatever is still running then is put back in the queue.
   */
  async drain(timeoutMs: number): Promise<void> {
    this.draining = true;
    for (const [id, run] of this.active) {
      if (!run.started) {
        run.abort.abort();
        await this.store.requeue(id);
      }
    }
    const all = Promise.all([...this.active.values()].map((r) => r.settled));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      all.then(() => false),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      for (const [id, run] of this.active) {
        run.abort.abort();
        this.executor.stop(id);
        await this.store.requeue(id);
      }
    }
    await this.executor.destroy();
  }
}
