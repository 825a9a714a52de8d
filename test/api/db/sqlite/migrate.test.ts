// Databases made before a migration was added keep migrating cleanly, keeping their runs.

import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, expect, test } from "vitest";
import { openDb } from "../../../../apps/api/src/db/sqlite/client";
import { migrateDb } from "../../../../apps/api/src/db/sqlite/migrate";
import { SqliteRunStore } from "../../../../apps/api/src/db/sqlite/sqlite-run-store";
import { removeDataDir, tempDataDir } from "../../support/api-server";

const migrations = fileURLToPath(new URL("../../../../drizzle/sqlite", import.meta.url));
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) removeDataDir(d);
});

/** The migrations folder as the first release shipped it: the runs table and nothing after. */
function firstRelease(): string {
  const dir = tempDataDir();
  dirs.push(dir);
  mkdirSync(join(dir, "meta"));
  const journal = JSON.parse(readFileSync(join(migrations, "meta", "_journal.json"), "utf8"));
  const first = journal.entries[0];
  expect(first.tag).toBe("0000_runs");
  writeFileSync(join(dir, "meta", "_journal.json"), JSON.stringify({ ...journal, entries: [first] }));
  copyFileSync(join(migrations, "0000_runs.sql"), join(dir, "0000_runs.sql"));
  return dir;
}

test("a database of the first release migrates to the current schema and keeps its runs", async () => {
  const dataDir = tempDataDir();
  dirs.push(dataDir);
  const old = openDb(dataDir);
  migrate(old, { migrationsFolder: firstRelease() });
  old.$client
    .prepare(
      `INSERT INTO runs (id, name, scenario, input, scenario_hash, status, result, engine_version, created_at, wall_ms)
       VALUES ('0123456789abcdef0123', 'old', '{}', '{}', 'h', 'done', '{"kept":true}', '0.1.0', 1000, 12)`,
    )
    .run();
  old.$client.close();

  const db = openDb(dataDir);
  migrateDb(db);
  migrateDb(db); // a second start applies nothing
  const applied = db.$client.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get() as { n: number };
  const journal = JSON.parse(readFileSync(join(migrations, "meta", "_journal.json"), "utf8"));
  expect(applied.n).toBe(journal.entries.length);
  const store = new SqliteRunStore(db);
  expect(await store.get("0123456789abcdef0123")).toMatchObject({
    name: "old",
    status: "done",
    result: '{"kept":true}',
    wallMs: 12,
    progress: null,
  });
  await store.close();
});
