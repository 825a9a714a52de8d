// The queue limit of a Postgres deployment counts every replica's unfinished runs.

import { expect, test } from "vitest";
import { migratePg } from "../../../apps/api/src/db/postgres/migrate";
import { createTestDatabase, noPostgres, postgresUrl } from "../support/postgres";
import { startQueueNode } from "../support/queue-node";

test.skipIf(!postgresUrl)(
  `RUN_QUEUE_LIMIT holds across replicas${postgresUrl ? "" : ` (skipped: ${noPostgres})`}`,
  async () => {
    const database = await createTestDatabase();
    await migratePg(database.url);
    const a = await startQueueNode(database.url, { queueLimit: 3 });
    const b = await startQueueNode(database.url, { queueLimit: 3 });
    try {
      const run = (n: number) => ({
        id: `${n}`.padStart(20, "0"),
        name: null,
        scenario: "{}",
        input: "{}",
        scenarioHash: `h${n}`,
        engineVersion: "0.1.0",
      });
      await a.scheduler.submit([run(1), run(2)]);
      expect(await b.scheduler.hasRoom(1)).toBe(true);
      expect(await b.scheduler.hasRoom(2)).toBe(false);
      await b.store.markDone(run(1).id, "{}", 1);
      expect(await b.scheduler.hasRoom(2)).toBe(true);
    } finally {
      await a.close();
      await b.close();
      await database.drop();
    }
  },
);
