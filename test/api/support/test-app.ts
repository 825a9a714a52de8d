// Builds the app over a fresh database and a ManualExecutor, for app.request() tests.

import { createApp } from "../../../apps/api/src/app";
import { type Config, loadConfig } from "../../../apps/api/src/config";
import { openDb } from "../../../apps/api/src/db/client";
import { migrateDb } from "../../../apps/api/src/db/migrate";
import { RunStore } from "../../../apps/api/src/db/run-store";
import { RunScheduler } from "../../../apps/api/src/runs/run-scheduler";
import { tempDataDir } from "./api-server";
import { ManualExecutor } from "./manual-executor";

export function testApp(overrides: Partial<Config> = {}) {
  const dataDir = tempDataDir();
  const config = { ...loadConfig({ DATA_DIR: dataDir, DOCS_DIR: `${dataDir}/no-docs` }), ...overrides };
  const db = openDb(dataDir);
  migrateDb(db);
  const store = new RunStore(db);
  const executor = new ManualExecutor();
  const scheduler = new RunScheduler({
    store,
    executor,
    limits: config.limits,
    queueLimit: config.runQueueLimit,
  });
  const app = createApp({ config, store, scheduler });
  return { app, store, scheduler, executor, dataDir, close: () => store.close() };
}

export function postRequest(body: unknown, contentType = "application/json"): RequestInit {
  return {
    method: "POST",
    headers: { "Content-Type": contentType },
    body: typeof body === "string" ? body : JSON.stringify(body),
  };
}
