// Serves the built docs site (apps/docs/dist) at `/`, with its 404 page for unknown pages.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Context, Hono } from "hono";

/** Adds the static site to `app` when `docsDir` exists; returns the 404 page to use, if the site has one. */
export function mountDocsSite(app: Hono, docsDir: string): string | undefined {
  if (!existsSync(docsDir)) return undefined;
  app.use("*", serveStatic({ root: docsDir }));
  const notFoundPage = join(docsDir, "404.html");
  return existsSync(notFoundPage) ? readFileSync(notFoundPage, "utf8") : undefined;
}

/** API paths answer 404 as problem+json even when the site has an HTML 404 page. */
export function isApiPath(c: Context): boolean {
  const p = c.req.path;
  return (
    p.startsWith("/v1/") || p === "/v1" || p.startsWith("/r/") || p === "/openapi.json" || p === "/healthz"
  );
}
