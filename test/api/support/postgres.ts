// Postgres for tests: the machine's cluster on port 5432 — SYSLAB_TEST_DATABASE_URL when set, else
// 127.0.0.1:5432 or the same cluster's Unix socket as the current user (TCP may ask for a password
// that the socket, with peer authentication, does not). Each test gets a database of its own, dropped
// afterwards. Where no server answers, Postgres tests skip — except in CI, where that is a failure.

import { randomBytes } from "node:crypto";
import pg from "pg";

const candidates = process.env.SYSLAB_TEST_DATABASE_URL
  ? [process.env.SYSLAB_TEST_DATABASE_URL]
  : [
      "postgres://root@127.0.0.1:5432/postgres",
      "postgres://root@localhost/postgres?host=/var/run/postgresql&port=5432",
    ];

async function reachable(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    await client.end().catch(() => {});
  }
}

async function findPostgres(): Promise<string | undefined> {
  const failures: string[] = [];
  for (const url of candidates) {
    const failure = await reachable(url);
    if (failure === undefined) return url;
    failures.push(`${url}: ${failure}`);
  }
  if (process.env.CI) {
    throw new Error(`CI is set but no Postgres answered (start it as .ci/run does):\n${failures.join("\n")}`);
  }
  return undefined;
}

/** The admin URL of a reachable server, or undefined (then Postgres tests skip, outside CI). */
export const postgresUrl: string | undefined = await findPostgres();

/** Why Postgres tests are skipped here, for their titles. */
export const noPostgres = "no Postgres on 127.0.0.1:5432 (set SYSLAB_TEST_DATABASE_URL)";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database on the server at `adminUrl` (default: the one found above). */
export async function createTestDatabase(adminUrl = postgresUrl): Promise<TestDatabase> {
  if (!adminUrl) throw new Error(noPostgres);
  const name = `syslab_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await admin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
