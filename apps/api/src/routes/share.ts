// GET /r/:id: the share page of a run.

import { Hono } from "hono";
import type { AppDeps } from "../app-deps";
import { apiErrors } from "../errors/catalogue";
import { requestOrigin } from "../http/origin";
import { sharePageHtml } from "../share/share-page";

export function shareRoutes({ store, config }: AppDeps): Hono {
  const app = new Hono();
  app.get("/r/:id", async (c) => {
    const id = c.req.param("id");
    const row = await store.get(id);
    if (!row) throw apiErrors.runNotFound(id);
    const finished = row.status === "done" || row.status === "failed";
    c.header("Cache-Control", finished ? "public, max-age=3600" : "no-store");
    return c.html(sharePageHtml(row, requestOrigin(c, config.publicUrl)));
  });
  return app;
}
