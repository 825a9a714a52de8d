// The JSON a client sees for a run: status, timings, links, progress, and the result or the error.

import type { RunRow } from "../db/run-store";

export interface RunLinks {
  self: string;
  events: string;
  share: string;
  chart: string;
}

export function runLinks(origin: string, id: string): RunLinks {
  return {
    self: `${origin}/v1/runs/${id}`,
    events: `${origin}/v1/runs/${id}/events`,
    share: `${origin}/r/${id}`,
    chart: `${origin}/v1/runs/${id}/chart.svg`,
  };
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** The short form POST answers with. */
export function runSummary(row: Pick<RunRow, "id" | "status" | "name">, origin: string) {
  return { id: row.id, status: row.status, name: row.name, links: runLinks(origin, row.id) };
}

/**
 * The full run as a JSON string. The stored result (and progress) is spliced in as text rather than
 * parsed and serialised again: on a finished run that is most of the work of a GET.
 */
export function runJson(row: RunRow, origin: string): string {
  const head = JSON.stringify({
    id: row.id,
    status: row.status,
    name: row.name,
    engineVersion: row.engineVersion,
    scenarioHash: row.scenarioHash,
    createdAt: iso(row.createdAt),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
    wallMs: row.wallMs,
    links: runLinks(origin, row.id),
  });
  if (row.status === "done" && row.result) return `${head.slice(0, -1)},"result":${row.result}}`;
  if (row.status === "failed" && row.error) return `${head.slice(0, -1)},"error":${row.error}}`;
  if (row.status === "running" && row.progress) return `${head.slice(0, -1)},"progress":${row.progress}}`;
  return head;
}
