// Builds the Hono app from its settings, run store and scheduler; main.ts serves it, tests call app.request().

import { Hono } from "hono";
import type { AppDeps } from "./app-deps";
import { apiErrors } from "./errors/catalogue";
import { problemResponse } from "./errors/problem-response";
import { inlineScriptHashes } from "./http/inline-script-hashes";
import { rateLimitKey } from "./http/rate-limit-key";
import { httpMetrics } from "./middleware/http-metrics";
import { rateLimit } from "./middleware/rate-limit";
import { requestLog } from "./middleware/request-log";
import { securityHeaders } from "./middleware/security-headers";
import { siteCors, siteRoutes } from "./middleware/site-cors";
import { Metrics } from "./ops/metrics";
import { comparisonsRoutes } from "./routes/comparisons";
import { isApiPath, mountDocsSite } from "./routes/docs-site";
import { healthRoutes } from "./routes/health";
import { metricsRoutes } from "./routes/metrics";
import { openApiRoutes } from "./routes/openapi";
import { readinessRoutes } from "./routes/readiness";
import { runsRoutes } from "./routes/runs";
import { shareRoutes } from "./routes/share";
import { sweepsRoutes } from "./routes/sweeps";

export type { AppDeps } from "./app-deps";

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const metrics = deps.metrics ?? new Metrics(deps.store);
  // First, so that its set is the first staged: plainAnswer() copies that one whole (staged-headers.ts).
  app.use("*", securityHeaders(inlineScriptHashes(deps.config.docsDir)));
  if (deps.logger) app.use("*", requestLog(deps.logger));
  app.use("*", httpMetrics(metrics));
  // Before the rate limit, so that its 429 reaches a cross-origin site readable too.
  if (deps.config.corsOrigins.length > 0) {
    const cors = siteCors(deps.config.corsOrigins);
    for (const path of siteRoutes) app.use(path, cors);
  }
  if (deps.config.rateLimit > 0) {
    const limiter = rateLimit({ perMinute: deps.config.rateLimit, key: rateLimitKey(deps.config) });
    app.use("/v1/*", limiter);
    app.use("/r/*", limiter);
  }

  app.route("/", runsRoutes(deps));
  app.route("/", sweepsRoutes(deps));
  app.route("/", comparisonsRoutes(deps));
  app.route("/", shareRoutes(deps));
  app.route("/", openApiRoutes(deps));
  app.route("/", healthRoutes(deps));
  app.route("/", readinessRoutes(deps));
  app.route("/", metricsRoutes({ metrics }));
  const notFoundPage = mountDocsSite(app, deps.config.docsDir);

  app.notFound((c) => {
    if (notFoundPage && !isApiPath(c)) return c.html(notFoundPage, 404);
    // Answered here rather than thrown, so that middleware sees the 404 (a throw would skip it).
    return problemResponse(apiErrors.notFound(c.req.path), c);
  });
  app.onError(problemResponse);
  return app;
}
