// /v1/comparisons: submit two scenarios to compare on common random numbers, and read the comparison
// (optionally long-polling). A comparison is a document of sim-core's ("kind": "comparison"), so it
// is stored, queued and run exactly as a run is; only its representation differs.

import { inputShapeProblems, type Problem } from "@syslab/sim-core";
import { Hono } from "hono";
import type { AppDeps } from "../app-deps";
import { isFinished, type RunRow } from "../db/run-store";
import { apiErrors } from "../errors/catalogue";
import { requestOrigin } from "../http/origin";
import { readJsonBody } from "../http/read-json-body";
import { limitBody } from "../middleware/limit-body";
import { requireJson } from "../middleware/require-json";
import { requireToken } from "../middleware/require-token";
import { acceptRuns } from "../runs/accept-runs";
import { prepareRun } from "../runs/prepare-run";
import { runJson } from "../runs/run-representation";

const FIELDS = new Set(["a", "b", "name"]);

export function comparisonsRoutes({ store, scheduler, watch, config }: AppDeps): Hono {
  const app = new Hono();

  app.post(
    "/v1/comparisons",
    requireToken(config.apiTokens),
    requireJson(),
    limitBody(config.bodyLimit),
    async (c) => {
      const body = await readJsonBody(c);
      const shape = inputShapeProblems(body);
      if (shape.length > 0) throw apiErrors.requestInvalid(shape);
      const problems = requestProblems(body);
      if (problems.length > 0) throw apiErrors.requestInvalid(problems);
      const prepared = prepareRun({ version: 1, kind: "comparison", ...(body as object) });
      if (!prepared.ok) throw apiErrors.scenarioInvalid(prepared.problems);
      const [accepted] = await acceptRuns(store, scheduler, [prepared]);
      const row = accepted!.row;
      const self = comparisonLink(requestOrigin(c, config.publicUrl), row.id);
      c.header("Location", self);
      return c.json(
        { id: row.id, status: row.status, name: row.name, links: { self } },
        accepted!.created ? 201 : 200,
      );
    },
  );

  app.get("/v1/comparisons/:id", async (c) => {
    const id = c.req.param("id");
    const waitParam = c.req.query("wait");
    const wait = waitParam === undefined ? 0 : Number(waitParam);
    if (waitParam === "" || !Number.isFinite(wait) || wait < 0) {
      throw apiErrors.invalidQuery("wait", `a number of seconds from 0 to ${config.maxWait}`);
    }
    let row = await store.get(id);
    if (!row || !isComparison(row)) throw apiErrors.comparisonNotFound(id);
    if (wait > 0 && !isFinished(row)) {
      row = (await watch.waitForFinish(id, Math.min(wait, config.maxWait) * 1000)) ?? row;
    }
    return c.body(comparisonJson(row, requestOrigin(c, config.publicUrl)), 200, {
      "Content-Type": "application/json",
    });
  });

  return app;
}

/** The body is `{ "a": scenario, "b": scenario, "name"?: string }`; the sides are checked by sim-core. */
function requestProblems(body: unknown): Problem[] {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    return [
      {
        path: "",
        code: "request.comparison",
        message: 'The body must be an object: { "a": scenario, "b": scenario }.',
      },
    ];
  }
  const problems: Problem[] = [];
  for (const key of Object.keys(body)) {
    if (!FIELDS.has(key))
      problems.push({
        path: key,
        code: "request.comparison",
        message: `"${key}" is not a field of a comparison request; it takes "a", "b" and an optional "name".`,
      });
  }
  for (const side of ["a", "b"]) {
    if ((body as Record<string, unknown>)[side] === undefined)
      problems.push({
        path: side,
        code: "request.comparison",
        message: `Scenario "${side}" is missing: give both "a" and "b".`,
      });
  }
  return problems;
}

/** A stored document is a comparison when its canonical form says so (its first key). */
function isComparison(row: RunRow): boolean {
  return row.scenario.startsWith('{"kind":"comparison"');
}

function comparisonLink(origin: string, id: string): string {
  return `${origin}/v1/comparisons/${id}`;
}

/** A run's representation with the comparison's own link. */
function comparisonJson(row: RunRow, origin: string): string {
  const json = JSON.parse(runJson(row, origin)) as Record<string, unknown>;
  json.links = { self: comparisonLink(origin, row.id) };
  return JSON.stringify(json);
}
