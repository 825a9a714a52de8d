// Executes runs in a piscina pool of worker threads, so that HTTP keeps answering during long runs.

import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import type { RunExecutor, RunHooks } from "./run-executor";
import type { RunOutcome, RunTask, WorkerMessage, WorkerTask } from "./run-task";

// Workers inherit the parent's execArgv, so under `node --import tsx` they load this .ts file too.
const workerFile = new URL("./run-worker.ts", import.meta.url).href;

export class WorkerPool implements RunExecutor {
  private readonly pool: Piscina;
  private readonly abortFlags = new Map<string, Int32Array>();

  constructor(size: number) {
    this.pool = new Piscina({
      filename: workerFile,
      minThreads: size,
      maxThreads: size,
      idleTimeout: 60_000,
    });
  }

  async execute(task: RunTask, hooks: RunHooks, signal: AbortSignal): Promise<RunOutcome> {
    const { port1, port2 } = new MessageChannel();
    const abortFlag = new SharedArrayBuffer(4);
    this.abortFlags.set(task.id, new Int32Array(abortFlag));
    port1.on("message", (message: WorkerMessage) => {
      if (message.type === "started") hooks.onStart();
      else
        hooks.onProgress({
          simulatedTime: message.simulatedTime,
          events: message.events,
          percent: message.percent,
        });
    });
    const workerTask: WorkerTask = { ...task, port: port2, abortFlag };
    try {
      return (await this.pool.run(workerTask, { transferList: [port2], signal })) as RunOutcome;
    } finally {
      this.abortFlags.delete(task.id);
      port1.close();
    }
  }

  stop(id: string): void {
    const flag = this.abortFlags.get(id);
    if (flag) Atomics.store(flag, 0, 1);
  }

  async destroy(): Promise<void> {
    await this.pool.destroy();
  }
}
