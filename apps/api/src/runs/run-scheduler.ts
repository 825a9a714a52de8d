// Moves accepted runs through queued → running → done|failed: bounds the queue, persists every
// transition, tells long polls and event streams, re-queues unfinished runs at start, drains on stop.

import { EventEmitter } from "node:events";
import type { RunLimits } from "@syslab/sim-core";
import type { RunStore } from "../db/run-store";
import type { RunExecutor } from "./run-executor";
import type { RunErrorBody, RunProgress } from "./run-task";

export type RunUpdate =
  | { type: "running" }
  | ({ type: "progress" } & RunProgress)
  | { type: "finished" }
  | { type: "closing" };

interface ActiveRun {
  abort: AbortController;
  started: boolean;
  progress: RunProgress | undefined;
  settled: Promise<void>;
}

export class RunScheduler {
  private readonly store: RunStore;
  private readonly executor: RunExecutor;
  private readonly limits: Required<RunLimits>;
  readonly queueLimit: number;
  private readonly active = new Map<string, ActiveRun>();
  private readonly updates = new EventEmitter();
  private draining = false;

  constructor(opts: {
    store: RunStore;
    executor: RunExecutor;
    limits: Required<RunLimits>;
    queueLimit: number;
  }) {
    this.store = opts.store;
    this.executor = opts.executor;
    this.limits = opts.limits;
    this.queueLimit = opts.queueLimit;
    // Each open long poll or event stream listens to one run; there may be many.
    this.updates.setMaxListeners(0);
  }

  /** Runs accepted by this process and not yet finished. */
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

  /** Whether `count` more runs fit in the queue. */
  hasRoom(count = 1): boolean {
    return this.active.size + count <= this.queueLimit;
  }

  /**
   * A rough wait, in whole seconds, before the queue has room again: how long runs take here
   * (the wall-time limit bounds it) spread over the runs ahead. Used for Retry-After.
   */
  retryAfter(): number {
    return Math.max(1, Math.min(60, Math.ceil(this.limits.maxWallTime / 4)));
  }

  progress(id: string): RunProgress | undefined {
    return this.active.get(id)?.progress;
  }

  isActive(id: string): boolean {
    return this.active.has(id);
  }

  subscribe(id: string, listener: (update: RunUpdate) => void): () => void {
    this.updates.on(id, listener);
    return () => this.updates.off(id, listener);
  }

  /** Resolves when the run finishes, the server starts closing, or `ms` pass. */
  waitForFinish(id: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        unsubscribe();
        resolve();
      };
      const timer = setTimeout(done, ms);
      const unsubscribe = this.subscribe(id, (u) => {
        if (u.type === "finished" || u.type === "closing") done();
      });
    });
  }

  /** Starts a run whose row is stored as queued. */
  enqueue(id: string, input: string): void {
    if (this.active.has(id)) return;
    const abort = new AbortController();
    const run: ActiveRun = { abort, started: false, progress: undefined, settled: Promise.resolve() };
    this.active.set(id, run);
    run.settled = this.execute(id, input, run);
  }

  /** At start: every run that was queued or running when the last process stopped runs again. */
  recover(): number {
    const rows = this.store.unfinished();
    for (const row of rows) {
      if (row.status === "running") this.store.requeue(row.id);
      this.enqueue(row.id, row.input);
    }
    return rows.length;
  }

  private async execute(id: string, input: string, run: ActiveRun): Promise<void> {
    try {
      const outcome = await this.executor.execute(
        { id, input, limits: this.limits },
        {
          onStart: () => {
            if (!this.active.has(id) || this.draining) return;
            run.started = true;
            this.store.markRunning(id);
            this.updates.emit(id, { type: "running" });
          },
          onProgress: (p) => {
            if (!this.active.has(id)) return;
            run.progress = p;
            this.updates.emit(id, { type: "progress", ...p });
          },
        },
        run.abort.signal,
      );
      if (this.draining && !outcome.ok && run.abort.signal.aborted) return; // stopped by drain: stays queued
      if (outcome.ok) this.store.markDone(id, outcome.resultJson, outcome.wallMs);
      else this.store.markFailed(id, JSON.stringify(outcome.error), outcome.wallMs);
    } catch (err) {
      // Aborted by a drain: the row stays queued (or is re-queued below) for the next start.
      if (run.abort.signal.aborted) return;
      console.error(`run ${id} failed in the worker pool:`, err);
      const error: RunErrorBody = {
        code: "run.internal",
        title: "The run failed unexpectedly",
        message: "The worker running this scenario stopped with an internal error.",
        hint: "Submit the scenario again; if it fails again, report it with the scenario.",
      };
      this.store.markFailed(id, JSON.stringify(error), null);
    } finally {
      this.active.delete(id);
      this.updates.emit(id, { type: "finished" });
    }
  }

  /**
   * Graceful stop: runs not started are withdrawn (they stay queued in the database), running ones
   * get `timeoutMs` to finish, and whatever is still running then is put back in the queue.
   */
  async drain(timeoutMs: number): Promise<void> {
    this.draining = true;
    for (const id of this.active.keys()) this.updates.emit(id, { type: "closing" });
    for (const [id, run] of this.active) {
      if (!run.started) {
        run.abort.abort();
        this.store.requeue(id);
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
        this.store.requeue(id);
      }
    }
    await this.executor.destroy();
  }
}
