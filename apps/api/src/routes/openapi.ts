// GET /openapi.json.

import { Hono } from "hono";
import type { AppDeps } from "../app-deps";
import { openApiDocument } from "../openapi/openapi-document";

export function openApiRoutes({ config }: AppDeps): Hono {
  const app = new Hono();
  // Built once: the document depends only on settings fixed at start.
  const body = JSON.stringify(openApiDocument({ maxSweepValues: config.maxSweepValues }));
  app.get("/openapi.json", (c) => c.body(body, 200, { "Content-Type": "application/json" }));
  return app;
}
