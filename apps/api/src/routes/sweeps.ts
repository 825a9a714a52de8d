// POST /v1/sweeps: one scenario, one field, several values → one ordinary run per value.

import { inputShapeProblems, type Problem, SyslabError, sweepVariant } from "@syslab/sim-core";
import { Hono } from "hono";
import type { AppDeps } from "../app-deps";
import { apiErrors } from "../errors/catalogue";
import { requestOrigin } from "../http/origin";
import { readJsonBody } from "../http/read-json-body";
import { limitBody } from "../middleware/limit-body";
import { requireJson } from "../middleware/require-json";
import { requireToken } from "../middleware/require-token";
import { acceptRuns } from "../runs/accept-runs";
import { type PreparedRun, prepareRun } from "../runs/prepare-run";
import { runSummary } from "../runs/run-representation";
import { checkSweepRequest } from "../sweeps/sweep-request";

export function sweepsRoutes({ store, scheduler, config }: AppDeps): Hono {
  const app = new Hono();
  app.post(
    "/v1/sweeps",
    requireToken(config.apiTokens),
    requireJson(),
    limitBody(config.bodyLimit),
    async (c) => {
      const body = await readJsonBody(c);
      // Too deep to copy or describe safely: refused before any other check reads it.
      const shape = inputShapeProblems(body);
      if (shape.length > 0) throw apiErrors.requestInvalid(shape);
      const checked = checkSweepRequest(body, config.maxSweepValues);
      if (!checked.ok) throw apiErrors.requestInvalid(checked.problems);
      const { scenario, path, values } = checked.request;
      const problems: Problem[] = [];
      const prepared: Extract<PreparedRun, { ok: true }>[] = [];
      values.forEach((value, i) => {
        let input: unknown;
        try {
          input = sweepVariant(scenario, path, value);
        } catch (error) {
          if (!(error instanceof SyslabError)) throw error;
          problems.push({ path: "path", code: error.code, message: `${error.message} ${error.hint}` });
          return;
        }
        const p = prepareRun(input);
        if (p.ok) {
          prepared.push(p);
          return;
        }
        for (const problem of p.problems) {
          // A problem of the base scenario shows once; one caused by a value names that value.
          const fromValue =
            problem.path === path ||
            problem.path.startsWith(`${path}.`) ||
            problem.path.startsWith(`${path}[`);
          const entry = fromValue
            ? {
                path: `values[${i}]`,
                code: problem.code,
                message: `${JSON.stringify(value)} at ${problem.path}: ${problem.message}`,
              }
            : {
                path: `scenario.${problem.path}`.replace(/\.$/, ""),
                code: problem.code,
                message: problem.message,
              };
          problems.push(entry);
        }
      });
      if (problems.length) throw apiErrors.scenarioInvalid(dedupe(problems));
      const accepted = await acceptRuns(store, scheduler, prepared);
      const origin = requestOrigin(c, config.publicUrl);
      return c.json(
        { path, values, runs: accepted.map((a, i) => ({ value: values[i], ...runSummary(a.row, origin) })) },
        accepted.some((a) => a.created) ? 201 : 200,
      );
    },
  );
  return app;
}

function dedupe(problems: Problem[]): Problem[] {
  const keys = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\n${p.code}\n${p.message}`;
    if (keys.has(key)) return false;
    keys.add(key);
    return true;
  });
}
