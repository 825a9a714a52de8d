// What crosses the thread boundary between the scheduler and a worker: the task, progress and outcome.

import type { MessagePort } from "node:worker_threads";
import type { RunLimits } from "@syslab/sim-core";
import type { ApiError } from "../errors/api-error";

export interface RunTask {
  id: string;
  /** The scenario as submitted, JSON. */
  input: string;
  /** Every limit set: the host's caps, which a scenario may only tighten. */
  limits: Required<RunLimits>;
}

export interface RunProgress {
  simulatedTime: number;
  events: number;
  percent: number;
}

/** How a run's failure is stored and shown: the engine's error fields, never a stack trace. */
export interface RunErrorBody {
  code: string;
  title: string;
  message: string;
  hint: string;
  problems?: { path: string; code: string; message: string }[];
}

/** The stored form of an error from the catalogue (no HTTP status or headers: the run's own status says it failed). */
export function runErrorBody({ code, title, message, hint, problems }: ApiError): RunErrorBody {
  return { code, title, message, hint, ...(problems?.length ? { problems } : {}) };
}

export type RunOutcome =
  | { ok: true; resultJson: string; wallMs: number }
  | { ok: false; error: RunErrorBody; wallMs: number };

export type WorkerMessage = { type: "started" } | ({ type: "progress" } & RunProgress);

export interface WorkerTask extends RunTask {
  port: MessagePort;
  /** One Int32 set to 1 to ask the run to stop; shared memory, because the run blocks the worker's event loop. */
  abortFlag: SharedArrayBuffer;
}
