// /v1/runs: submit a scenario, read a run (optionally long-polling), and its chart.

import { Hono } from "hono";
import type { AppDeps } from "../app-deps";
import { apiErrors } from "../errors/catalogue";
import { requestOrigin } from "../http/origin";
import { readJsonBody } from "../http/read-json-body";
import { limitBody } from "../middleware/limit-body";
import { requireJson } from "../middleware/require-json";
import { acceptRuns } from "../runs/accept-runs";
import { prepareRun } from "../runs/prepare-run";
import { runJson, runSummary } from "../runs/run-representation";
import { runChartSvg } from "../share/run-charts";
import { runEventsHandler } from "./run-events";

export function runsRoutes(deps: AppDeps): Hono {
  const { store, scheduler, config } = deps;
  const app = new Hono();

  app.post("/v1/runs", requireJson(), limitBody(config.bodyLimit), async (c) => {
    const prepared = prepareRun(await readJsonBody(c));
    if (!prepared.ok) throw apiErrors.scenarioInvalid(prepared.problems);
    const [accepted] = acceptRuns(store, scheduler, [prepared]);
    const body = runSummary(accepted!.row, requestOrigin(c));
    c.header("Location", body.links.self);
    return c.json(body, accepted!.created ? 201 : 200);
  });

  app.get("/v1/runs/:id", async (c) => {
    const id = c.req.param("id");
    let row = store.get(id);
    if (!row) throw apiErrors.runNotFound(id);
    const waitParam = c.req.query("wait");
    if (waitParam !== undefined) {
      const wait = Number(waitParam);
      if (waitParam === "" || !Number.isFinite(wait) || wait < 0) {
        throw apiErrors.invalidQuery("wait", `a number of seconds from 0 to ${config.maxWait}`);
      }
      if (row.status === "queued" || row.status === "running") {
        await scheduler.waitForFinish(id, Math.min(wait, config.maxWait) * 1000);
        row = store.get(id)!;
      }
    }
    return c.body(runJson(row, requestOrigin(c), scheduler.progress(id)), 200, {
      "Content-Type": "application/json",
    });
  });

  app.get("/v1/runs/:id/events", runEventsHandler(deps));

  app.get("/v1/runs/:id/chart.svg", (c) => {
    const id = c.req.param("id");
    const row = store.get(id);
    if (!row) throw apiErrors.runNotFound(id);
    const kind = c.req.query("kind") ?? "latency";
    if (kind !== "latency" && kind !== "series") throw apiErrors.invalidQuery("kind", '"latency" or "series"');
    const finished = row.status === "done" || row.status === "failed";
    return c.body(runChartSvg(row, kind), 200, {
      "Content-Type": "image/svg+xml; charset=utf-8",
      // A finished run never changes; an unfinished one will.
      "Cache-Control": finished ? "public, max-age=86400, immutable" : "no-store",
    });
  });

  return app;
}
