// The embedded server (no DATABASE_URL): SQLite in DATA_DIR, and every run executed in this
// process's worker pool. `npm start` needs nothing else.

import { createApp } from "../app";
import type { Config } from "../config";
import { openDb } from "../db/sqlite/client";
import { migrateDb } from "../db/sqlite/migrate";
import { SqliteRunStore } from "../db/sqlite/sqlite-run-store";
import { type Logger, lifecycleLog } from "../ops/logger";
import { Metrics } from "../ops/metrics";
import { LocalRunScheduler } from "../runs/local-run-scheduler";
import { RunWatch } from "../runs/run-watch";
import { WorkerPool } from "../runs/worker-pool";
import { listen } from "./listen";

export interface Started {
  /** Drains and closes everything; resolves when the process may exit. */
  stop(): Promise<void>;
}

export async function startEmbedded(config: Config, log: Logger): Promise<Started> {
  const db = openDb(config.dataDir);
  migrateDb(db);
  const store = new SqliteRunStore(db);
  const metrics = new Metrics(store);
  const scheduler = new LocalRunScheduler({
    store,
    executor: new WorkerPool(config.poolSize),
    limits: config.limits,
    queueLimit: config.runQueueLimit,
    log,
    metrics,
  });
  const watch = new RunWatch(store);
  // Before listening, so that no request sees a run the restart has not picked up yet.
  const recovered = await scheduler.recover();
  if (recovered > 0) lifecycleLog(log).info(`re-queued ${recovered} unfinished run(s)`);
  const app = createApp({ config, store, scheduler, watch, logger: log, metrics });
  const server = await listen(app, config, log, "syslab api");
  return {
    async stop() {
      // Stop accepting connections, answer open long polls and end event streams, then drain.
      server.close();
      watch.close();
      await scheduler.drain(config.drainTimeout * 1000);
      server.closeAllConnections();
      await store.close();
    },
  };
}
