// GET /readyz: whether this process should be sent traffic — it is not draining and its run store
// answers. Unlike /healthz (liveness, from memory), it fails while the database is unreachable, so a
// load balancer or orchestrator can route around a replica that cannot serve.

import { Hono } from "hono";
import type { RunStore } from "../db/run-store";
import type { RunCounts } from "../runs/run-scheduler";

/** Longer than a healthy round trip to the database by far; short enough for a probe's timeout. */
const pingTimeoutMs = 2000;

export function readinessRoutes({ store, scheduler }: { store: RunStore; scheduler: RunCounts }): Hono {
  const app = new Hono();
  app.get("/readyz", async (c) => {
    if (scheduler.isDraining) return c.json({ status: "draining" }, 503);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        store.ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error("timed out")), pingTimeoutMs);
        }),
      ]);
      return c.json({ status: "ready" }, 200);
    } catch {
      return c.json({ status: "unavailable", reason: "The run store cannot be reached." }, 503);
    } finally {
      clearTimeout(timer);
    }
  });
  return app;
}
