// Builds the Hono app from its settings, run store and scheduler; main.ts serves it, tests call app.request().

import { Hono } from "hono";
import type { AppDeps } from "./app-deps";
import { apiErrors } from "./errors/catalogue";
import { problemResponse } from "./errors/problem-response";
import { inlineScriptHashes } from "./http/inline-script-hashes";
import { rateLimitKey } from "./http/rate-limit-key";
import { rateLimit } from "./middleware/rate-limit";
import { securityHeaders } from "./middleware/security-headers";
import { siteCors, siteRoutes } from "./middleware/site-cors";
import { isApiPath, mountDocsSite } from "./routes/docs-site";
import { healthRoutes } from "./routes/health";
import { openApiRoutes } from "./routes/openapi";
import { runsRoutes } from "./routes/runs";
import { shareRoutes } from "./routes/share";
import { sweepsRoutes } from "./routes/sweeps";

export type { AppDeps } from "./app-deps";

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.use("*", securityHeaders(inlineScriptHashes(deps.config.docsDir)));
  // Before the rate limit, so that its 429 reaches a cross-origin site readable too.
  if (deps.config.corsOrigins.length > 0) {
    const cors = siteCors(deps.config.corsOrigins);
    for (const path of siteRoutes) app.use(path, cors);
  }
  const limiter = rateLimit({ perMinute: deps.config.rateLimit, key: rateLimitKey(deps.config) });
  app.use("/v1/*", limiter);
  app.use("/r/*", limiter);

  app.route("/", runsRoutes(deps));
  app.route("/", sweepsRoutes(deps));
  app.route("/", shareRoutes(deps));
  app.route("/", openApiRoutes(deps));
  app.route("/", healthRoutes(deps));
  const notFoundPage = mountDocsSite(app, deps.config.docsDir);

  app.notFound((c) => {
    if (notFoundPage && !isApiPath(c)) return c.html(notFoundPage, 404);
    throw apiErrors.notFound(c.req.path);
  });
  app.onError(problemResponse);
  return app;
}
