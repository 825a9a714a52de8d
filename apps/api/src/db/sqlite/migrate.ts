// Applies the SQLite migrations that drizzle-kit generates into drizzle/sqlite/.

import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { Db } from "./client";

const migrationsFolder = fileURLToPath(new URL("../../../../../drizzle/sqlite", import.meta.url));

export function migrateDb(db: Db): void {
  migrate(db, { migrationsFolder });
}
