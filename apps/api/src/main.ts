// Starts the syslab API: opens and migrates the database, starts the worker pool, re-queues
// unfinished runs, serves HTTP on HOST:PORT, and drains on SIGTERM/SIGINT.

import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { loadConfig } from "./config";
import { openDb } from "./db/client";
import { migrateDb } from "./db/migrate";
import { RunStore } from "./db/run-store";
import { RunScheduler } from "./runs/run-scheduler";
import { WorkerPool } from "./runs/worker-pool";

const config = loadConfig();
const db = openDb(config.dataDir);
migrateDb(db);
const store = new RunStore(db);
const scheduler = new RunScheduler({
  store,
  executor: new WorkerPool(config.poolSize),
  limits: config.limits,
  queueLimit: config.runQueueLimit,
});
const app = createApp({ config, store, scheduler });

const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  // Tests and scripts read the port from this line (PORT=0 picks a free one).
  console.log(`syslab api listening on http://${info.address}:${info.port}`);
});

const recovered = scheduler.recover();
if (recovered > 0) console.log(`re-queued ${recovered} unfinished run(s)`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: draining`);
  // Stop accepting connections; open long polls and event streams are released by the drain.
  server.close();
  await scheduler.drain(config.drainTimeout * 1000);
  if ("closeAllConnections" in server) server.closeAllConnections();
  store.close();
  console.log("stopped");
  process.exit(0);
}

process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
