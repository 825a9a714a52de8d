// CORS for a docs site hosted on its own origin: the routes its widgets use (create a run, read
// it, stream its events) answer the origins listed in CORS_ORIGINS, and no others. No cookies are
// involved, so credentials are never allowed; a token, if any, travels in Authorization.

import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";

/** Routes the docs site calls; each gets the middleware (OPTIONS preflights included). */
export const siteRoutes = ["/v1/runs", "/v1/runs/:id", "/v1/runs/:id/events"];

export function siteCors(origins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(origins);
  return cors({
    origin: (origin) => (allowed.has("*") ? "*" : allowed.has(origin) ? origin : null),
    allowMethods: ["GET", "POST", "OPTIONS"],
    allowHeaders: ["Content-Type", "Authorization"],
    // The run's URL, and how long to wait after a 429 or 503.
    exposeHeaders: ["Location", "Retry-After"],
    maxAge: 600,
  });
}
