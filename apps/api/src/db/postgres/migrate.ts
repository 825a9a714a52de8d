// Applies the Postgres migrations that drizzle-kit generates into drizzle/postgres/. Replicas and
// workers start together, so one migrates at a time under an advisory lock; the others find the
// migrations applied and do nothing.

import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";

const migrationsFolder = fileURLToPath(new URL("../../../../../drizzle/postgres", import.meta.url));

/** Any fixed 64-bit number, the same in every syslab process: it names the migration lock. */
const migrationLock = 7_301_522_019;

export async function migratePg(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, application_name: "syslab-migrate" });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [migrationLock]);
    await migrate(drizzle(client), { migrationsFolder });
  } finally {
    await client.end();
  }
}
