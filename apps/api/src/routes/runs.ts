// /v1/runs: submit a scenario, read a run (optionally long-polling), its chart and its trace.

import { createHash } from "node:crypto";
import { chromeTrace, type TraceSummary } from "@syslab/sim-core";
import { type Context, Hono } from "hono";
import type { AppDeps } from "../app-deps";
import { isFinished, type RunRow } from "../db/run-store";
import { apiErrors } from "../errors/catalogue";
import { bodyText } from "../http/body-text";
import { entityTag, noneMatchHits } from "../http/entity-tag";
import { requestOrigin } from "../http/origin";
import { parseJson } from "../http/read-json-body";
import { requestHeader } from "../http/request-header";
import { plainAnswer } from "../http/staged-headers";
import { limitBody } from "../middleware/limit-body";
import { requireJson } from "../middleware/require-json";
import { requireToken } from "../middleware/require-token";
import { acceptRuns } from "../runs/accept-runs";
import { BoundedCache } from "../runs/bounded-cache";
import { prepareRun } from "../runs/prepare-run";
import { runJson, runSummary } from "../runs/run-representation";
import { runChartSvg } from "../share/run-charts";
import { runEventsHandler } from "./run-events";

export function runsRoutes(deps: AppDeps): Hono {
  const { store, scheduler, watch, config } = deps;
  const app = new Hono();
  // Byte-identical bodies name the same run: re-posting a stored scenario skips validation and hashing,
  // the costly part of a POST. Keyed by a digest of the body, so the cache holds no scenarios. Once
  // the run is done it stays done, so what its answer names is kept too and a re-post reads no row
  // (which holds the whole result).
  const bodyToRun = new BoundedCache<string, { id: string; done?: Pick<RunRow, "id" | "status" | "name"> }>(
    10_000,
  );
  // A done run never changes: its JSON is kept ready as bytes, with a strong tag (per origin, since
  // the links are absolute), so a read encodes nothing and a revalidation sends no body.
  const doneRuns = new BoundedCache<string, DoneRun>(1_000);

  app.post(
    "/v1/runs",
    requireToken(config.apiTokens),
    requireJson(),
    limitBody(config.bodyLimit),
    async (c) => {
      const text = await bodyText(c);
      const digest = createHash("sha256").update(text).digest("base64");
      const remembered = bodyToRun.get(digest);
      const known = remembered?.done ?? (remembered ? await store.get(remembered.id) : undefined);
      if (known && known.status !== "failed" && !scheduler.isDraining) {
        if (known.status === "done" && remembered && !remembered.done) {
          remembered.done = { id: known.id, status: known.status, name: known.name };
        }
        return summaryAnswer(c, runSummary(known, requestOrigin(c, config.publicUrl)), 200);
      }
      const prepared = prepareRun(parseJson(text));
      if (!prepared.ok) throw apiErrors.scenarioInvalid(prepared.problems);
      const [accepted] = await acceptRuns(store, scheduler, [prepared]);
      bodyToRun.set(digest, { id: prepared.run.id });
      const body = runSummary(accepted!.row, requestOrigin(c, config.publicUrl));
      return summaryAnswer(c, body, accepted!.created ? 201 : 200);
    },
  );

  app.get("/v1/runs/:id", async (c) => {
    const id = c.req.param("id");
    const waitParam = c.req.query("wait");
    const wait = waitParam === undefined ? 0 : Number(waitParam);
    if (waitParam === "" || !Number.isFinite(wait) || wait < 0) {
      throw apiErrors.invalidQuery("wait", `a number of seconds from 0 to ${config.maxWait}`);
    }
    const origin = requestOrigin(c, config.publicUrl);
    const cached = doneRuns.get(`${origin} ${id}`);
    if (cached) return doneAnswer(c, cached);
    let row = await store.get(id);
    if (!row) throw apiErrors.runNotFound(id);
    if (wait > 0 && !isFinished(row)) {
      row = (await watch.waitForFinish(id, Math.min(wait, config.maxWait) * 1000)) ?? row;
    }
    const json = runJson(row, origin);
    if (row.status !== "done") return plainAnswer(c, json, 200, { "content-type": "application/json" });
    const body = Buffer.from(json);
    const done = { body, tag: entityTag(body) };
    doneRuns.set(`${origin} ${id}`, done);
    return doneAnswer(c, done);
  });

  app.get("/v1/runs/:id/events", runEventsHandler(deps));

  app.get("/v1/runs/:id/chart.svg", async (c) => {
    const id = c.req.param("id");
    const row = await store.get(id);
    if (!row) throw apiErrors.runNotFound(id);
    const kind = c.req.query("kind") ?? "latency";
    if (kind !== "latency" && kind !== "series")
      throw apiErrors.invalidQuery("kind", '"latency" or "series"');
    const finished = row.status === "done" || row.status === "failed";
    return c.body(runChartSvg(row, kind), 200, {
      "Content-Type": "image/svg+xml; charset=utf-8",
      // A finished run never changes; an unfinished one will.
      "Cache-Control": finished ? "public, max-age=86400, immutable" : "no-store",
    });
  });

  // The trace in the Chrome Trace Event format, by the exporter the CLI's --trace uses.
  app.get("/v1/runs/:id/trace.json", async (c) => {
    const id = c.req.param("id");
    const row = await store.get(id);
    if (!row) throw apiErrors.runNotFound(id);
    if (row.status === "failed") throw apiErrors.traceNotFound(id, "failed");
    if (row.status !== "done" || row.result === null) throw apiErrors.traceNotFound(id, "unfinished");
    const trace = (JSON.parse(row.result) as { trace?: TraceSummary }).trace;
    if (trace === undefined) throw apiErrors.traceNotFound(id, "untraced");
    return c.json(chromeTrace(trace), 200, { "Cache-Control": "public, max-age=86400, immutable" });
  });

  return app;
}

interface DoneRun {
  body: Buffer<ArrayBuffer>;
  tag: string;
}

function doneAnswer(c: Context, done: DoneRun): Response {
  if (noneMatchHits(requestHeader(c, "if-none-match"), done.tag)) {
    return plainAnswer(c, null, 304, { etag: done.tag });
  }
  return plainAnswer(c, done.body, 200, { "content-type": "application/json", etag: done.tag });
}

/** POST's answer: the short form, with the run's URL in Location. */
function summaryAnswer(c: Context, body: ReturnType<typeof runSummary>, status: 200 | 201): Response {
  return plainAnswer(c, JSON.stringify(body), status, {
    "content-type": "application/json",
    location: body.links.self,
  });
}
