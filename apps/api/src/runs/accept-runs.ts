// Stores and queues prepared runs, answering with the existing run when the same scenario came before.

import type { RunRow, RunStore } from "../db/run-store";
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

export async function acceptRuns(
  store: RunStore,
  scheduler: RunScheduler,
  prepared: Extract<PreparedRun, { ok: true }>[],
): Promise<Accepted[]> {
  if (scheduler.isDraining) throw apiErrors.draining();
  const existing = await Promise.all(prepared.map(({ run }) => store.get(run.id)));
  const fresh = new Map<string, (typeof prepared)[number]["run"]>();
  for (let i = 0; i < prepared.length; i++) {
    const row = existing[i];
    const run = prepared[i]!.run;
    if (!row || (row.status === "failed" && retryableCodes.has(errorCode(row)))) fresh.set(run.id, run);
  }
  // All or nothing: a sweep that does not fit is refused whole, so a retry sends the same request.
  if (fresh.size > 0 && !(await scheduler.hasRoom(fresh.size))) {
    throw apiErrors.queueFull(scheduler.queueLimit, scheduler.retryAfter());
  }
  const queued = new Set(fresh.size > 0 ? await scheduler.submit([...fresh.values()]) : []);
  const rows = new Map<string, RunRow>();
  for (const { run } of prepared) {
    if (!rows.has(run.id)) rows.set(run.id, (await store.get(run.id))!);
  }
  // A sweep may list the same value twice: only its first mention counts as created.
  const answered = new Set<string>();
  return prepared.map(({ run }) => {
    const created = queued.has(run.id) && !answered.has(run.id);
    answered.add(run.id);
    const row = rows.get(run.id)!;
    // A run this request queued is answered as queued, even if a worker has already picked it up.
    return { row: queued.has(run.id) ? { ...row, status: "queued" } : row, created };
  });
}

function errorCode(row: RunRow): string {
  try {
    return (JSON.parse(row.error ?? "{}") as { code?: string }).code ?? "";
  } catch {
    return "";
  }
}
