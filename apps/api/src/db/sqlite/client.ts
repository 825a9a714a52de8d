// Opens the SQLite database (DATA_DIR/syslab.sqlite) in WAL mode and wraps it in drizzle.

import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export function openDb(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new Database(join(dataDir, "syslab.sqlite"));
  // WAL lets readers (GET /v1/runs/:id) proceed while a run's result is written.
  sqlite.pragma("journal_mode = WAL");
  // FULL syncs the WAL on every commit: an accepted run survives a power cut, not only a crash.
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("busy_timeout = 5000");
  return drizzle(sqlite, { schema }) as Db;
}
