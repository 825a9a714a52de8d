// Stores and queues prepared runs, answering with the existing run when the same scenario came before.

import type { RunStore } from "../db/run-store";
import type { RunRow } from "../db/schema";
import { apiErrors } from "../errors/catalogue";
import type { PreparedRun } from "./prepare-run";
import type { RunScheduler } from "./run-scheduler";

/** Failures that may not happen again (they depend on the machine, not the scenario): a re-post retries them. */
const retryableCodes = new Set(["limit.wall-time", "run.internal"]);

export interface Accepted {
  row: RunRow;
  /** True when this request created (or re-queued) the run; false when it answered with a stored one. */
  created: boolean;
}

export function acceptRuns(
  store: RunStore,
  scheduler: RunScheduler,
  prepared: Extract<PreparedRun, { ok: true }>[],
): Accepted[] {
  if (scheduler.isDraining) throw apiErrors.draining();
  const existing = prepared.map(({ run }) => store.get(run.id));
  const fresh = new Set<string>();
  for (let i = 0; i < prepared.length; i++) {
    const row = existing[i];
    if (!row || (row.status === "failed" && retryableCodes.has(errorCode(row))))
      fresh.add(prepared[i]!.run.id);
  }
  // All or nothing: a sweep that does not fit is refused whole, so a retry sends the same request.
  if (fresh.size > 0 && !scheduler.hasRoom(fresh.size)) {
    throw apiErrors.queueFull(scheduler.queueLimit, scheduler.retryAfter());
  }
  return prepared.map(({ run }, i) => {
    if (!fresh.has(run.id)) return { row: store.get(run.id) ?? existing[i]!, created: false };
    if (!store.insert(run)) store.requeue(run.id);
    const row = store.get(run.id)!;
    scheduler.enqueue(run.id, row.input);
    fresh.delete(run.id); // a sweep may list the same value twice
    return { row, created: true };
  });
}

function errorCode(row: RunRow): string {
  try {
    return (JSON.parse(row.error ?? "{}") as { code?: string }).code ?? "";
  } catch {
    return "";
  }
}
