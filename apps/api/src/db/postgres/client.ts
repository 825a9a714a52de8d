// Opens the connection pool to Postgres (DATABASE_URL) and wraps it in drizzle; pg-boss shares the pool.

import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Logger } from "../../ops/logger";
import * as schema from "./schema";

export type PgDb = NodePgDatabase<typeof schema>;

export function openPool(url: string, max: number, log: Logger): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    application_name: "syslab",
    // Fail a request fast while the database is down, rather than hold it until a client frees up.
    connectionTimeoutMillis: 5000,
    // Notice a dead peer (a machine gone, a broken network) instead of waiting on it for ever.
    keepAlive: true,
  });
  // An idle connection that the server closes (a restart, a failover) is not a crash of this process.
  pool.on("error", (err) => log.warn({ err }, "a pooled Postgres connection was lost"));
  return pool;
}

export function pgDb(client: pg.Pool | pg.PoolClient): PgDb {
  return drizzle(client, { schema });
}
