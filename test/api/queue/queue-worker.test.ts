// Workers on the Postgres job queue: runs reach a worker and finish in the store; a job whose worker
// died is expired and retried by another; a run is never active twice; a run whose workers keep
// dying ends failed; a draining worker gives its runs back at once; a sweep fans out across workers.

import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { migratePg } from "../../../apps/api/src/db/postgres/migrate";
import type { NewRun } from "../../../apps/api/src/db/run-store";
import { runsQueue } from "../../../apps/api/src/queue/job-queue";
import { createTestDatabase, noPostgres, postgresUrl, type TestDatabase } from "../support/postgres";
import { type QueueNode, startQueueNode } from "../support/queue-node";

let database: TestDatabase;
/** The processes of the current test, closed after it. */
let nodes: QueueNode[] = [];

async function node(opts: Parameters<typeof startQueueNode>[1] = {}): Promise<QueueNode> {
  const n = await startQueueNode(database.url, opts);
  nodes.push(n);
  return n;
}

let counter = 0;
function newRun(): NewRun {
  counter++;
  return {
    id: `${counter.toString(16).padStart(4, "0")}bbbbccccddddeeee`,
    name: `run ${counter}`,
    scenario: "{}",
    input: '{"submitted":true}',
    scenarioHash: `h${counter}`,
    engineVersion: "0.1.0",
  };
}

const done = { ok: true as const, resultJson: '{"throughput":3.6}', wallMs: 5 };

describe.skipIf(!postgresUrl)(`the job queue${postgresUrl ? "" : ` (skipped: ${noPostgres})`}`, () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    await migratePg(database.url);
  });

  afterEach(async () => {
    for (const n of nodes) await n.close();
    nodes = [];
  });

  afterAll(async () => {
    await database?.drop();
  });

  test("a run accepted by one process is executed by a worker in another and stored there", async () => {
    const api = await node();
    const worker = await node({ worker: true });
    const run = newRun();
    expect(await api.scheduler.submit([run])).toEqual([run.id]);
    await vi.waitFor(() => expect(worker.executor.pending.has(run.id)).toBe(true), { timeout: 10_000 });
    expect(worker.executor.pending.get(run.id)!.task.input).toBe(run.input);
    await vi.waitFor(async () => expect((await api.store.get(run.id))!.status).toBe("running"));
    worker.executor.finish(run.id, done);
    await vi.waitFor(async () => expect((await api.store.get(run.id))!.result).toBe(done.resultJson));
    // The job completes, so nothing is delivered again.
    await new Promise((r) => setTimeout(r, 300));
    expect(await api.queue.take(runsQueue)).toBeUndefined();
  });

  test("a run is stored exactly when its job is sent: a failed send stores nothing", async () => {
    const api = await node();
    const run = newRun();
    await expect(
      api.store.enqueueWith([run], async () => {
        throw new Error("the queue refused the job");
      }),
    ).rejects.toThrow("the queue refused the job");
    expect(await api.store.get(run.id)).toBeUndefined();
  });

  test("while a run's job is active, sending it again adds no second job", async () => {
    const api = await node();
    const run = newRun();
    await api.scheduler.submit([run]);
    const first = await api.queue.take(runsQueue);
    expect(first?.runId).toBe(run.id);
    // Another replica re-queues the run (say, a re-post after a failure): it may wait, not run alongside.
    await api.store.markFailed(run.id, '{"code":"run.internal"}', null);
    expect(await api.scheduler.submit([run])).toEqual([run.id]);
    expect(await api.queue.take(runsQueue)).toBeUndefined();
    await api.queue.complete(runsQueue, first!.jobId);
    const second = await api.queue.take(runsQueue);
    expect(second?.runId).toBe(run.id);
    await api.queue.complete(runsQueue, second!.jobId);
  });

  test("a job whose worker died is expired and handed to another worker", async () => {
    const api = await node({ settings: { jobExpire: 2 } });
    const run = newRun();
    await api.scheduler.submit([run]);
    // A worker takes the job, marks the run running, and dies without a word.
    const taken = await api.queue.take(runsQueue);
    expect(taken).toMatchObject({ runId: run.id, retries: 0 });
    await api.store.markRunning(run.id);
    const survivor = await node({ worker: true });
    // Expiry after 2 s, found by maintenance within 1 s, picked up within the 2 s poll.
    await vi.waitFor(() => expect(survivor.executor.pending.has(run.id)).toBe(true), { timeout: 15_000 });
    survivor.executor.finish(run.id, done);
    await vi.waitFor(async () => expect((await api.store.get(run.id))!.status).toBe("done"));
  });

  test("a run whose workers keep dying ends failed with run.internal, saying how often", async () => {
    const api = await node({ settings: { jobExpire: 1, jobRetryLimit: 1 } });
    await node({ worker: true, concurrency: 0, settings: { jobExpire: 1, jobRetryLimit: 1 } });
    const run = newRun();
    await api.scheduler.submit([run]);
    for (let attempt = 0; attempt < 2; attempt++) {
      await vi.waitFor(
        async () => {
          const job = await api.queue.take(runsQueue);
          expect(job?.runId).toBe(run.id);
          expect(job?.retries).toBe(attempt);
        },
        { timeout: 15_000, interval: 250 },
      );
    }
    await vi.waitFor(async () => expect((await api.store.get(run.id))!.status).toBe("failed"), {
      timeout: 20_000,
    });
    expect(JSON.parse((await api.store.get(run.id))!.error!)).toEqual({
      code: "run.internal",
      title: "The run failed unexpectedly",
      message: "The workers running this scenario stopped 2 times before it finished.",
      hint: "Submit the scenario again; if it fails again, report it with the scenario.",
    });
  });

  test("a draining worker gives its running run back, and another starts it at once", async () => {
    const api = await node();
    const leaving = await node({ worker: true });
    const run = newRun();
    await api.scheduler.submit([run]);
    await vi.waitFor(() => expect(leaving.executor.pending.has(run.id)).toBe(true), { timeout: 10_000 });
    await leaving.worker!.drain(0);
    expect((await api.store.get(run.id))!.status).toBe("queued");
    const staying = await node({ worker: true });
    await vi.waitFor(() => expect(staying.executor.pending.has(run.id)).toBe(true), { timeout: 10_000 });
    staying.executor.finish(run.id, done);
    await vi.waitFor(async () => expect((await api.store.get(run.id))!.status).toBe("done"));
  });

  test("a sweep's runs are separate jobs, shared out among the workers", async () => {
    const api = await node();
    const a = await node({ worker: true, concurrency: 2 });
    const b = await node({ worker: true, concurrency: 2 });
    const runs = [newRun(), newRun(), newRun(), newRun()];
    await api.scheduler.submit(runs);
    // Each worker holds two at once: all four run at the same time, two here and two there.
    await vi.waitFor(() => expect(a.executor.pending.size + b.executor.pending.size).toBe(4), {
      timeout: 10_000,
    });
    expect(a.executor.pending.size).toBe(2);
    expect(b.executor.pending.size).toBe(2);
    for (const w of [a, b]) for (const id of [...w.executor.pending.keys()]) w.executor.finish(id, done);
    await vi.waitFor(async () => {
      for (const run of runs) expect((await api.store.get(run.id))!.status).toBe("done");
    });
  });
});
