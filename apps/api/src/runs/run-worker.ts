// The piscina worker: parses a document and runs it, reporting start and progress over a MessagePort.

import {
  parseDocument,
  type Result,
  type RunLimits,
  runDocument,
  runScenario,
  type Scenario,
} from "@syslab/sim-core";
import { apiErrors } from "../errors/catalogue";
import {
  type RunErrorBody,
  type RunOutcome,
  runErrorBody,
  type WorkerMessage,
  type WorkerTask,
} from "./run-task";

/** At most this often, in ms: progress is for people watching, and each message costs the main thread. */
const progressInterval = 100;

export default function runInWorker(task: WorkerTask): RunOutcome {
  const started = performance.now();
  const post = (message: WorkerMessage) => task.port.postMessage(message);
  const flag = new Int32Array(task.abortFlag);
  try {
    post({ type: "started" });
    const parsed = parseDocument(JSON.parse(task.input));
    if (!parsed.ok) {
      // Stored scenarios were valid when accepted; this guards against an engine that has changed since.
      const error = runErrorBody(apiErrors.scenarioInvalid(parsed.problems));
      return { ok: false, wallMs: Math.round(performance.now() - started), error };
    }
    let lastPost = 0;
    const { output } = runDocument(parsed.document, {
      limits: task.limits,
      signal: {
        get aborted() {
          return Atomics.load(flag, 0) === 1;
        },
      },
      onProgress: (p) => {
        const now = performance.now();
        if (now - lastPost < progressInterval) return;
        lastPost = now;
        post({
          type: "progress",
          simulatedTime: p.simulatedTime,
          events: p.events,
          percent: p.fraction * 100,
        });
      },
    });
    // Serialised here so that the main thread, which answers HTTP, only stores a string.
    return { ok: true, resultJson: JSON.stringify(output), wallMs: Math.round(performance.now() - started) };
  } catch (err) {
    return { ok: false, error: errorBody(err), wallMs: Math.round(performance.now() - started) };
  } finally {
    task.port.close();
  }
}

/** What one replication of a replicated run gives back: its result, or the error it stopped with. */
export type ReplicationOutcome = { ok: true; result: Result } | { ok: false; error: RunErrorBody };

/**
 * One replication, for a run whose replications the pool spreads over its workers (worker-pool.ts).
 * Errors come back as values: a thrown SyslabError would cross the thread without its code and hint.
 */
export function runReplication(task: { scenario: Scenario; limits: RunLimits }): ReplicationOutcome {
  try {
    return { ok: true, result: runScenario(task.scenario, { limits: task.limits }) };
  } catch (err) {
    return { ok: false, error: errorBody(err) };
  }
}

function errorBody(err: unknown): RunErrorBody {
  const e = err as Partial<RunErrorBody> | null;
  if (typeof e?.code === "string" && typeof e.title === "string" && typeof e.hint === "string") {
    return {
      code: e.code,
      title: e.title,
      message: String(e.message),
      hint: e.hint,
      ...(e.problems?.length ? { problems: e.problems } : {}),
    };
  }
  console.error(err);
  return runErrorBody(apiErrors.runInternal());
}
