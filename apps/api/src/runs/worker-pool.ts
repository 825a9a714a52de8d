// Executes runs in a piscina pool of worker threads, so that HTTP keeps answering during long runs.

import { MessageChannel } from "node:worker_threads";
import {
  isReplicated,
  parseDocument,
  type Result,
  type RunLimits,
  runReplicationsWith,
  type Scenario,
  SyslabError,
} from "@syslab/sim-core";
import { Piscina } from "piscina";
import type { RunExecutor, RunHooks } from "./run-executor";
import type { RunOutcome, RunTask, WorkerMessage, WorkerTask } from "./run-task";
import type { ReplicationOutcome } from "./run-worker";

// Workers inherit the parent's execArgv, so under `node --import tsx` they load this .ts file too.
const workerFile = new URL("./run-worker.ts", import.meta.url).href;

export class WorkerPool implements RunExecutor {
  private readonly pool: Piscina;
  private readonly abortFlags = new Map<string, Int32Array>();
  /** Runs whose replications are spread over the workers, by id: stopping one aborts its replications. */
  private readonly replicated = new Map<string, AbortController>();
  private readonly size: number;

  constructor(size: number) {
    this.size = size;
    this.pool = new Piscina({
      filename: workerFile,
      minThreads: size,
      maxThreads: size,
      idleTimeout: 60_000,
    });
  }

  async execute(task: RunTask, hooks: RunHooks, signal: AbortSignal): Promise<RunOutcome> {
    const scenario = this.size > 1 ? replicatedScenario(task.input) : undefined;
    if (scenario !== undefined) return this.executeReplications(task, scenario, hooks, signal);
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

  /**
   * A replicated scenario's replications, one per worker at a time. sim-core's plan decides on
   * prefixes, so the result is the one a single worker gives (test/api/runs/worker-pool.test.ts).
   */
  private async executeReplications(
    task: RunTask,
    scenario: Scenario,
    hooks: RunHooks,
    signal: AbortSignal,
  ): Promise<RunOutcome> {
    const started = performance.now();
    const stop = new AbortController();
    const abort = () => stop.abort();
    signal.addEventListener("abort", abort);
    this.replicated.set(task.id, stop);
    hooks.onStart();
    const run = async (replication: Scenario, limits: RunLimits): Promise<Result> => {
      const outcome = (await this.pool.run(
        { scenario: replication, limits },
        { name: "runReplication", signal: stop.signal },
      )) as ReplicationOutcome;
      if (!outcome.ok) throw new SyslabError(outcome.error);
      return outcome.result;
    };
    const wallMs = () => Math.round(performance.now() - started);
    try {
      const result = await runReplicationsWith(scenario, run, this.size, { limits: task.limits });
      return { ok: true, resultJson: JSON.stringify(result), wallMs: wallMs() };
    } catch (error) {
      if (error instanceof SyslabError) {
        const { code, title, message, hint, problems } = error;
        return {
          ok: false,
          error: { code, title, message, hint, ...(problems.length ? { problems } : {}) },
          wallMs: wallMs(),
        };
      }
      throw error;
    } finally {
      signal.removeEventListener("abort", abort);
      this.replicated.delete(task.id);
    }
  }

  stop(id: string): void {
    const flag = this.abortFlags.get(id);
    if (flag) Atomics.store(flag, 0, 1);
    this.replicated.get(id)?.abort();
  }

  async destroy(): Promise<void> {
    await this.pool.destroy();
  }
}

/** The scenario of a task whose run asks for replications, or undefined (a single run, or another kind). */
function replicatedScenario(input: string): Scenario | undefined {
  const parsed = parseDocument(JSON.parse(input));
  return parsed.ok && parsed.document.kind === "scenario" && isReplicated(parsed.document.value)
    ? parsed.document.value
    : undefined;
}
