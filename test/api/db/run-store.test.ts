// One contract, every store: the SQLite store always, the Postgres store whenever a server is
// reachable (and always in CI, where a missing server fails the run instead of skipping it).

import { describe, expectTypeOf } from "vitest";
import { migratePg } from "../../../apps/api/src/db/postgres/migrate";
import { PgRunStore } from "../../../apps/api/src/db/postgres/pg-run-store";
import type { runs as pgRuns } from "../../../apps/api/src/db/postgres/schema";
import type { RunRow } from "../../../apps/api/src/db/run-store";
import { openDb } from "../../../apps/api/src/db/sqlite/client";
import { migrateDb } from "../../../apps/api/src/db/sqlite/migrate";
import type { runs as sqliteRuns } from "../../../apps/api/src/db/sqlite/schema";
import { SqliteRunStore } from "../../../apps/api/src/db/sqlite/sqlite-run-store";
import { silentLogger } from "../../../apps/api/src/ops/logger";
import { removeDataDir, tempDataDir } from "../support/api-server";
import { createTestDatabase, noPostgres, postgresUrl } from "../support/postgres";
import { runStoreContract } from "./run-store-contract";

// The table's rows are exactly the store's RunRow: a column added to one must be added to the other.
expectTypeOf<typeof sqliteRuns.$inferSelect>().toEqualTypeOf<RunRow>();
expectTypeOf<typeof pgRuns.$inferSelect>().toEqualTypeOf<RunRow>();

runStoreContract("SQLite", { announcesAcrossProcesses: false }, async () => {
  const dir = tempDataDir();
  const open = () => {
    const db = openDb(dir);
    migrateDb(db);
    return new SqliteRunStore(db);
  };
  const store = open();
  return {
    store,
    openAnother: async () => open(),
    cleanup: async () => {
      await store.close();
      removeDataDir(dir);
    },
  };
});

describe.skipIf(!postgresUrl)(`Postgres${postgresUrl ? "" : ` (skipped: ${noPostgres})`}`, () => {
  runStoreContract("Postgres", { announcesAcrossProcesses: true }, async () => {
    const database = await createTestDatabase();
    await migratePg(database.url);
    const open = () => PgRunStore.open(database.url, { poolSize: 4, log: silentLogger() });
    const store = await open();
    return {
      store,
      openAnother: open,
      cleanup: async () => {
        await store.close();
        await database.drop();
      },
    };
  });
});
