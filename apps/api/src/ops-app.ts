// The HTTP face of a worker (SYSLAB_ROLE=worker): liveness, readiness and metrics only, so that an
// orchestrator can probe it and Prometheus can scrape its run durations.

import { Hono } from "hono";
import type { RunStore } from "./db/run-store";
import { apiErrors } from "./errors/catalogue";
import { problemResponse } from "./errors/problem-response";
import { httpMetrics } from "./middleware/http-metrics";
import { requestLog } from "./middleware/request-log";
import type { Logger } from "./ops/logger";
import type { Metrics } from "./ops/metrics";
import { healthRoutes } from "./routes/health";
import { metricsRoutes } from "./routes/metrics";
import { readinessRoutes } from "./routes/readiness";
import type { RunCounts } from "./runs/run-scheduler";

export function createOpsApp(deps: {
  store: RunStore;
  scheduler: RunCounts;
  metrics: Metrics;
  logger: Logger;
}): Hono {
  const app = new Hono();
  app.use("*", requestLog(deps.logger));
  app.use("*", httpMetrics(deps.metrics));
  app.route("/", healthRoutes(deps));
  app.route("/", readinessRoutes(deps));
  app.route("/", metricsRoutes(deps));
  app.notFound((c) => problemResponse(apiErrors.notFound(c.req.path), c));
  app.onError(problemResponse);
  return app;
}
