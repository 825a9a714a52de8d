// When the connection that hears run changes is cut (a restart, a failover), the store reconnects,
// tells its listeners to re-read what they watch, and hears changes again.

import pg from "pg";
import { expect, test, vi } from "vitest";
import { migratePg } from "../../../../apps/api/src/db/postgres/migrate";
import { PgRunStore } from "../../../../apps/api/src/db/postgres/pg-run-store";
import type { RunChange } from "../../../../apps/api/src/db/run-store";
import { silentLogger } from "../../../../apps/api/src/ops/logger";
import { createTestDatabase, noPostgres, postgresUrl } from "../../support/postgres";

test.skipIf(!postgresUrl)(
  `a lost listening connection comes back with a resync${postgresUrl ? "" : ` (skipped: ${noPostgres})`}`,
  async () => {
    const database = await createTestDatabase();
    await migratePg(database.url);
    const store = await PgRunStore.open(database.url, { poolSize: 2, log: silentLogger() });
    const heard: RunChange[] = [];
    store.onChange((c) => heard.push(c));
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      const cut = await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'syslab-listen'",
      );
      expect(cut.rowCount).toBe(1);
      await vi.waitFor(() => expect(heard).toContainEqual({ type: "resync" }), { timeout: 10_000 });
      const run = {
        id: "00000000000000000001",
        name: null,
        scenario: "{}",
        input: "{}",
        scenarioHash: "h",
        engineVersion: "0.1.0",
      };
      await store.enqueue([run]);
      await vi.waitFor(() => expect(heard).toContainEqual({ type: "queued", id: run.id }), { timeout: 5000 });
    } finally {
      await admin.end();
      await store.close();
      await database.drop();
    }
  },
);
