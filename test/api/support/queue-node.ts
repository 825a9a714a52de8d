// One process's worth of a Postgres deployment, in this test process: a store, a job queue, and
// optionally a worker (over a ManualExecutor, so tests decide when runs finish) and a scheduler.

import type { RunLimits } from "@syslab/sim-core";
import { PgRunStore } from "../../../apps/api/src/db/postgres/pg-run-store";
import type { ScaleOutConfig } from "../../../apps/api/src/deployment/scale-out-config";
import { silentLogger } from "../../../apps/api/src/ops/logger";
import { JobQueue } from "../../../apps/api/src/queue/job-queue";
import { QueueScheduler } from "../../../apps/api/src/queue/queue-scheduler";
import { QueueWorker } from "../../../apps/api/src/queue/queue-worker";
import type { RunExecutor } from "../../../apps/api/src/runs/run-executor";
import { ManualExecutor } from "./manual-executor";

const limits: Required<RunLimits> = { maxEvents: 1e7, maxWallTime: 1, maxSimTime: 1e6, maxInFlight: 1e5 };

export interface QueueNode {
  store: PgRunStore;
  queue: JobQueue;
  scheduler: QueueScheduler;
  worker: QueueWorker | undefined;
  executor: ManualExecutor;
  close(): Promise<void>;
}

export async function startQueueNode(
  url: string,
  opts: {
    worker?: boolean;
    concurrency?: number;
    queueLimit?: number;
    settings?: Partial<ScaleOutConfig>;
    executor?: RunExecutor;
  } = {},
): Promise<QueueNode> {
  const settings: ScaleOutConfig = {
    databaseUrl: url,
    role: opts.worker ? "all" : "api",
    databasePoolSize: 4,
    jobExpire: 30,
    jobRetryLimit: 5,
    queueMaintenanceInterval: 1,
    ...opts.settings,
  };
  const log = silentLogger();
  const store = await PgRunStore.open(url, { poolSize: settings.databasePoolSize, log });
  const queue = await JobQueue.start(store.executor, settings, log);
  const executor = new ManualExecutor();
  const worker = opts.worker
    ? new QueueWorker({
        store,
        queue,
        executor: opts.executor ?? executor,
        limits,
        concurrency: opts.concurrency ?? 1,
        jobExpire: settings.jobExpire,
        jobRetryLimit: settings.jobRetryLimit,
        queueLimit: 100,
        log,
      })
    : undefined;
  worker?.start();
  const scheduler = new QueueScheduler({
    store,
    queue,
    queueLimit: opts.queueLimit ?? 100,
    maxWallTime: 1,
    local: worker,
  });
  return {
    store,
    queue,
    scheduler,
    worker,
    executor,
    async close() {
      await worker?.drain(0);
      await queue.stop();
      await store.close();
    },
  };
}
