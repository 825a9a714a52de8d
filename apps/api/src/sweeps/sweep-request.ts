// Checks the body of POST /v1/sweeps against exactly the schema the OpenAPI document publishes
// (its pattern and bounds come from @syslab/api-contract), so the two cannot drift apart.

import { sweepPathPattern } from "@syslab/api-contract";
import type { Problem } from "@syslab/sim-core";

export interface SweepRequest {
  scenario: unknown;
  path: string;
  values: unknown[];
}

export function checkSweepRequest(
  body: unknown,
  maxValues: number,
): { ok: true; request: SweepRequest } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return {
      ok: false,
      problems: [
        { path: "", code: "type", message: "The body must be a JSON object with scenario, path and values." },
      ],
    };
  }
  const b = body as Record<string, unknown>;
  for (const key of Object.keys(b)) {
    if (!["scenario", "path", "values"].includes(key)) {
      problems.push({
        path: key,
        code: "unknown-field",
        message: `"${key}" is not a field of a sweep; remove it.`,
      });
    }
  }
  if (typeof b.scenario !== "object" || b.scenario === null || Array.isArray(b.scenario)) {
    problems.push({ path: "scenario", code: "required", message: "scenario must be a scenario object." });
  }
  if (typeof b.path !== "string" || !new RegExp(sweepPathPattern).test(b.path)) {
    problems.push({
      path: "path",
      code: "pattern",
      message: 'path must name a field such as "workload.arrival.rate" or "workload.requests[0].timeout".',
    });
  }
  if (!Array.isArray(b.values) || b.values.length === 0 || b.values.length > maxValues) {
    problems.push({
      path: "values",
      code: "size",
      message: `values must be an array of 1 to ${maxValues} values.`,
    });
  } else {
    b.values.forEach((v, i) => {
      if (v === null)
        problems.push({ path: `values[${i}]`, code: "type", message: "A value cannot be null." });
    });
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    request: { scenario: b.scenario, path: b.path as string, values: b.values as unknown[] },
  };
}
