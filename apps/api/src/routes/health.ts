// GET /healthz: answers from memory (no database, no engine), so it stays fast during long runs.

import { ENGINE_VERSION } from "@syslab/sim-core";
import { Hono } from "hono";
import type { RunCounts } from "../runs/run-scheduler";

export function healthRoutes({ scheduler }: { scheduler: RunCounts }): Hono {
  const app = new Hono();
  app.get("/healthz", (c) =>
    c.json(
      {
        status: scheduler.isDraining ? "draining" : "ok",
        engineVersion: ENGINE_VERSION,
        runs: { pending: scheduler.pending, running: scheduler.running, queueLimit: scheduler.queueLimit },
      },
      scheduler.isDraining ? 503 : 200,
    ),
  );
  return app;
}
