// The seam between scheduling and executing runs: a worker pool in production, in-process in unit tests.

import type { RunOutcome, RunProgress, RunTask } from "./run-task";

export interface RunHooks {
  onStart(): void;
  onProgress(progress: RunProgress): void;
}

export interface RunExecutor {
  /** Runs the task; rejects only when aborted or when the executor itself breaks. */
  execute(task: RunTask, hooks: RunHooks, signal: AbortSignal): Promise<RunOutcome>;
  /** Asks a started run to stop at its next progress check. */
  stop(id: string): void;
  destroy(): Promise<void>;
}
