/**
 * The command line's worker threads for replications: a small pool of node:worker_threads, one
 * replication per thread at a time. sim-core's plan decides what runs and when to stop, so the
 * result is the same on any number of threads.
 */
import { Worker } from "node:worker_threads";
import { type Problem, type ReplicationRunner, type Result, SyslabError } from "@syslab/sim-core";

// Under `node --import tsx` the worker is a .ts file, and tsx's loader does not reach worker threads on
// its own (Node 20): the entry registers it, then imports the worker.
const workerUrl = new URL("./replication-worker.ts", import.meta.url).href;
const workerEntry = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
  .then(({ register }) => register())
  .then(() => import(${JSON.stringify(workerUrl)}));`;

export type ReplicationReply =
  | { ok: true; result: Result }
  | {
      ok: false;
      error: { message: string; code?: string; title?: string; hint?: string; problems?: Problem[] };
    };

export class ReplicationThreads {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];

  /** Runs one replication on an idle thread, starting one when none is idle (callers bound how many run at once). */
  readonly run: ReplicationRunner = (scenario, limits) => {
    const worker = this.idle.pop() ?? this.start();
    return new Promise<Result>((resolve, reject) => {
      const onError = (error: Error) => {
        worker.off("message", onMessage);
        reject(error);
      };
      const onMessage = (reply: ReplicationReply) => {
        worker.off("error", onError);
        this.idle.push(worker);
        if (reply.ok) resolve(reply.result);
        else if (reply.error.code !== undefined) {
          reject(
            new SyslabError({
              code: reply.error.code,
              title: reply.error.title ?? "",
              message: reply.error.message,
              hint: reply.error.hint ?? "",
              problems: reply.error.problems ?? [],
            }),
          );
        } else reject(new Error(reply.error.message));
      };
      worker.once("message", onMessage);
      worker.once("error", onError);
      worker.postMessage({ scenario, limits });
    });
  };

  private start(): Worker {
    const worker = new Worker(workerEntry, { eval: true });
    this.all.push(worker);
    return worker;
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((worker) => worker.terminate()));
  }
}
