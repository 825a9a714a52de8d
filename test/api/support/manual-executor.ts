// A RunExecutor for app.request() tests: runs start at once and finish when the test says so.

import type { RunExecutor, RunHooks } from "../../../apps/api/src/runs/run-executor";
import type { RunOutcome, RunTask } from "../../../apps/api/src/runs/run-task";

interface Pending {
  task: RunTask;
  hooks: RunHooks;
  resolve: (outcome: RunOutcome) => void;
}

export class ManualExecutor implements RunExecutor {
  readonly pending = new Map<string, Pending>();

  execute(task: RunTask, hooks: RunHooks, signal: AbortSignal): Promise<RunOutcome> {
    return new Promise((resolve, reject) => {
      this.pending.set(task.id, { task, hooks, resolve });
      signal.addEventListener("abort", () => reject(new Error("aborted")));
      hooks.onStart();
    });
  }

  finish(id: string, outcome: RunOutcome): void {
    const p = this.pending.get(id);
    if (!p) throw new Error(`run ${id} is not executing`);
    this.pending.delete(id);
    p.resolve(outcome);
  }

  stop(): void {}

  async destroy(): Promise<void> {}
}
