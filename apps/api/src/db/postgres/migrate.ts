// Applies the Postgres migrations that drizzle-kit generates into drizzle/postgres/, one process at
// a time (the setup lock); the others find them applied and do nothing.

import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { withSetupLock } from "./setup-lock";

const migrationsFolder = fileURLToPath(new URL("../../../../../drizzle/postgres", import.meta.url));

export async function migratePg(url: string): Promise<void> {
  await withSetupLock(url, (client) => migrate(drizzle(client), { migrationsFolder }));
}
