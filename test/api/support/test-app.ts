// Builds the app over a fresh database and a ManualExecutor, for app.request() tests.

import { onTestFinished } from "vitest";
import { createApp } from "../../../apps/api/src/app";
import { type Config, loadConfig } from "../../../apps/api/src/config";
import { openDb } from "../../../apps/api/src/db/sqlite/client";
import { migrateDb } from "../../../apps/api/src/db/sqlite/migrate";
import { SqliteRunStore } from "../../../apps/api/src/db/sqlite/sqlite-run-store";
import type { Logger } from "../../../apps/api/src/ops/logger";
import { silentLogger } from "../../../apps/api/src/ops/logger";
import { Metrics } from "../../../apps/api/src/ops/metrics";
import { LocalRunScheduler } from "../../../apps/api/src/runs/local-run-scheduler";
import { RunWatch } from "../../../apps/api/src/runs/run-watch";
import { removeDataDir, tempDataDir } from "./api-server";
import { ManualExecutor } from "./manual-executor";

export function testApp(overrides: Partial<Config> = {}, opts: { logger?: Logger } = {}) {
  const dataDir = tempDataDir();
  const config = { ...loadConfig({ DATA_DIR: dataDir, DOCS_DIR: `${dataDir}/no-docs` }), ...overrides };
  const db = openDb(dataDir);
  migrateDb(db);
  const store = new SqliteRunStore(db);
  const executor = new ManualExecutor();
  const metrics = new Metrics(store);
  const scheduler = new LocalRunScheduler({
    store,
    executor,
    limits: config.limits,
    queueLimit: config.runQueueLimit,
    log: silentLogger(),
    metrics,
  });
  const watch = new RunWatch(store);
  const app = createApp({ config, store, scheduler, watch, metrics, logger: opts.logger });
  return { app, store, scheduler, watch, executor, metrics, dataDir, close: () => store.close() };
}

/** A test app for the current test only: closed and its data directory removed when the test ends. */
export function testAppForThisTest(
  overrides: Partial<Config> = {},
  opts: { logger?: Logger } = {},
): ReturnType<typeof testApp> {
  const t = testApp(overrides, opts);
  onTestFinished(async () => {
    await t.close();
    removeDataDir(t.dataDir);
  });
  return t;
}

export function postRequest(body: unknown, contentType = "application/json"): RequestInit {
  return {
    method: "POST",
    headers: { "Content-Type": contentType },
    body: typeof body === "string" ? body : JSON.stringify(body),
  };
}
