// GET /r/:id: the share page of a run; GET /r/:id/card.png: its link-preview card; GET /r/assets/<name>.js:
// the page's scripts (the topology animation).

import { Hono } from "hono";
import type { AppDeps } from "../app-deps";
import { isFinished } from "../db/run-store";
import { apiErrors } from "../errors/catalogue";
import { requestOrigin } from "../http/origin";
import { BoundedCache } from "../runs/bounded-cache";
import { runCardPng } from "../share/run-card";
import { shareAsset, shareAssetNames } from "../share/share-assets";
import { sharePageHtml } from "../share/share-page";

/** A finished run never changes (its id names the scenario and the engine version): cache it for an hour. */
const finishedCache = "public, max-age=3600";

/** Cards of finished runs kept rendered (a few tens of kB each): a link pasted in a busy chat is fetched by many previewers. */
const cardCacheSize = 64;

export function shareRoutes({ store, config }: AppDeps): Hono {
  const app = new Hono();
  const cards = new BoundedCache<string, Buffer>(cardCacheSize);
  // One route per script, by its literal name: /r/assets/<name> never reads as a run's /r/:id/… page.
  for (const name of shareAssetNames)
    app.get(`/r/assets/${name}`, (c) =>
      c.body(shareAsset(name)!, 200, {
        "Content-Type": "text/javascript; charset=utf-8",
        // The names carry no version: a cache may keep one for minutes, not for an hour past an upgrade.
        "Cache-Control": "public, max-age=300",
      }),
    );
  app.get("/r/:id", async (c) => {
    const id = c.req.param("id");
    const row = await store.get(id);
    if (!row) throw apiErrors.runNotFound(id);
    c.header("Cache-Control", isFinished(row) ? finishedCache : "no-store");
    const origin = requestOrigin(c, config.publicUrl);
    return c.html(sharePageHtml(row, origin, config.playgroundUrl ?? `${origin}/playground/`));
  });
  app.get("/r/:id/card.png", async (c) => {
    const id = c.req.param("id");
    const row = await store.get(id);
    if (!row) throw apiErrors.runNotFound(id);
    const finished = isFinished(row);
    let png = finished ? cards.get(id) : undefined;
    if (!png) {
      png = await runCardPng(row);
      if (finished) cards.set(id, png);
    }
    return c.body(new Uint8Array(png), 200, {
      "Content-Type": "image/png",
      "Cache-Control": finished ? finishedCache : "no-store",
    });
  });
  return app;
}
