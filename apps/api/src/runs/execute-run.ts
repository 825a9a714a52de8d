// Runs one stored run to its end in an executor: marks it running, passes its progress to the
// store, and stores the outcome before anyone is told. Shared by the embedded scheduler and the
// queue's workers, so a run goes through the same transitions wherever it executes.

import type { RunLimits } from "@syslab/sim-core";
import type { RunStore } from "../db/run-store";
import { apiErrors } from "../errors/catalogue";
import type { Logger } from "../ops/logger";
import type { RunMetrics } from "../ops/metrics";
import type { RunExecutor } from "./run-executor";
import { type RunProgress, runErrorBody } from "./run-task";

export interface RunContext {
  store: RunStore;
  executor: RunExecutor;
  limits: Required<RunLimits>;
  log: Logger;
  metrics?: RunMetrics;
  /**
   * Performs a store write that must not be lost. The embedded server writes to a local file and
   * needs nothing; the queue's workers retry through a database outage.
   */
  persist?: <T>(what: string, write: () => Promise<T>) => Promise<T>;
}

/** How an execution ended: stored as done or failed, or stopped (aborted) with nothing stored. */
export type ExecutionEnd = "done" | "failed" | "stopped";

export async function executeRun(
  ctx: RunContext,
  id: string,
  input: string,
  signal: AbortSignal,
  /** Called when the worker starts the run; returning false keeps the run from being marked running. */
  onStart: () => boolean = () => true,
): Promise<ExecutionEnd> {
  const { store, log } = ctx;
  const persist = ctx.persist ?? ((_what, write) => write());
  let marked: Promise<unknown> = Promise.resolve();
  const progress = progressWriter(store, id, log, () => marked);
  try {
    const outcome = await ctx.executor.execute(
      { id, input, limits: ctx.limits },
      {
        onStart: () => {
          if (!onStart()) return;
          marked = persist("mark the run running", () => store.markRunning(id)).catch((err) =>
            log.warn({ err, runId: id }, "could not mark the run running"),
          );
        },
        onProgress: progress.report,
      },
      signal,
    );
    if (signal.aborted && !outcome.ok) return "stopped";
    // The outcome is written last, so that no late progress or start lands after it.
    await marked;
    await progress.settled();
    const seconds = outcome.wallMs / 1000;
    if (outcome.ok) {
      await persist("store the result", () => store.markDone(id, outcome.resultJson, outcome.wallMs));
      ctx.metrics?.observeRun("done", seconds);
      return "done";
    }
    await persist("store the failure", () =>
      store.markFailed(id, JSON.stringify(outcome.error), outcome.wallMs),
    );
    ctx.metrics?.observeRun("failed", seconds);
    return "failed";
  } catch (err) {
    if (signal.aborted) return "stopped";
    log.error({ err, runId: id }, "the run failed in the worker pool");
    await marked;
    await persist("store the failure", () =>
      store.markFailed(id, JSON.stringify(runErrorBody(apiErrors.runInternal())), null),
    );
    ctx.metrics?.observeRun("failed", 0);
    return "failed";
  }
}

/**
 * Writes progress to the store one report at a time, keeping only the newest while a write is under
 * way: progress is for people watching, and a slow store must not build a backlog of stale reports.
 */
function progressWriter(store: RunStore, id: string, log: Logger, started: () => Promise<unknown>) {
  let latest: RunProgress | undefined;
  let writing: Promise<void> | undefined;
  const flush = (): void => {
    if (writing || !latest) return;
    const report = latest;
    latest = undefined;
    writing = started()
      .then(() => store.reportProgress(id, report))
      .then(
        () => undefined,
        (err) => log.debug({ err, runId: id }, "a progress report was not stored"),
      )
      .finally(() => {
        writing = undefined;
        flush();
      });
  };
  return {
    report(p: RunProgress): void {
      latest = p;
      flush();
    },
    async settled(): Promise<void> {
      latest = undefined;
      while (writing) await writing;
    },
  };
}
