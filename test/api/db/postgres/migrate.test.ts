// Replicas and workers that start together migrate one at a time: every start succeeds and each
// migration is applied once.

import { readFileSync } from "node:fs";
import pg from "pg";
import { expect, test } from "vitest";
import { migratePg } from "../../../../apps/api/src/db/postgres/migrate";
import { createTestDatabase, noPostgres, postgresUrl } from "../../support/postgres";

test.skipIf(!postgresUrl)(
  `five processes migrating one new database at once${postgresUrl ? "" : ` (skipped: ${noPostgres})`}`,
  async () => {
    const database = await createTestDatabase();
    try {
      await Promise.all(Array.from({ length: 5 }, () => migratePg(database.url)));
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const applied = await client.query("SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations");
        const journal = JSON.parse(
          readFileSync(new URL("../../../../drizzle/postgres/meta/_journal.json", import.meta.url), "utf8"),
        );
        expect(applied.rows[0].n).toBe(journal.entries.length);
        const columns = await client.query(
          "SELECT column_name FROM information_schema.columns WHERE table_name = 'runs' ORDER BY ordinal_position",
        );
        expect(columns.rows.map((r) => r.column_name)).toContain("progress");
      } finally {
        await client.end();
      }
    } finally {
      await database.drop();
    }
  },
);
