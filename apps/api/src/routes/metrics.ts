// GET /metrics: the process's Prometheus metrics, in the text exposition format.

import { Hono } from "hono";
import type { Metrics } from "../ops/metrics";

export function metricsRoutes({ metrics }: { metrics: Metrics }): Hono {
  const app = new Hono();
  app.get("/metrics", async (c) =>
    c.body(await metrics.registry.metrics(), 200, { "Content-Type": metrics.registry.contentType }),
  );
  return app;
}
