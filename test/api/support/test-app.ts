// Builds the app over a fresh database and a ManualExecutor, for app.request() tests.

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, onTestFinished } from "vitest";
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

/** A test app shared by every test of the file: closed and its data directory removed after the last. */
export function testAppForThisFile(overrides: Partial<Config> = {}): ReturnType<typeof testApp> {
  const t = testApp(overrides);
  afterAll(async () => {
    await t.close();
    removeDataDir(t.dataDir);
  });
  return t;
}

/** A folder holding `files` (a path inside it → its text), removed after the file's last test. */
export function folderForThisFile(files: Record<string, string>): string {
  const dir = tempDataDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  afterAll(() => removeDataDir(dir));
  return dir;
}

export function postRequest(body: unknown, contentType = "application/json"): RequestInit {
  return {
    method: "POST",
    headers: { "Content-Type": contentType },
    body: typeof body === "string" ? body : JSON.stringify(body),
  };
}
