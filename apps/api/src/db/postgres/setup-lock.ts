// Replicas and workers start together, and setting up the database (migrations, the job queue's
// tables and queues) is not safe to do twice at once: each process does it under one advisory lock,
// and those that come after find it done.

import pg from "pg";

/** Any fixed 64-bit number, the same in every syslab process: it names the lock. */
const setupLock = 7_301_522_019;

/** Runs `fn` while holding the setup lock, on a connection of its own that `fn` may use. */
export async function withSetupLock<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: "syslab-setup" });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [setupLock]);
    return await fn(client);
  } finally {
    // Ending the session releases the lock.
    await client.end();
  }
}
