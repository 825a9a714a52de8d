// Times every request into syslab_http_request_duration_seconds, labelled by the matched route
// pattern (never the raw path, whose run ids would make a series per run).

import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import type { Metrics } from "../ops/metrics";

export function httpMetrics(metrics: Metrics): MiddlewareHandler {
  return async function httpMetricsMiddleware(c, next) {
    const started = performance.now();
    await next();
    metrics.observeRequest(c.req.method, routePath(c), c.res.status, (performance.now() - started) / 1000);
  };
}
