// A process of a deployment on Postgres (DATABASE_URL): an API replica (SYSLAB_ROLE=api), a worker
// (worker) or both (all). Replicas accept runs and answer reads, long polls and event streams for
// runs executed anywhere; workers execute runs from the job queue. Every process migrates the store
// and the queue at start (one at a time) and drains on stop.

import { createApp } from "../app";
import type { Config } from "../config";
import { migratePg } from "../db/postgres/migrate";
import { PgRunStore } from "../db/postgres/pg-run-store";
import { withSetupLock } from "../db/postgres/setup-lock";
import type { Logger } from "../ops/logger";
import { Metrics } from "../ops/metrics";
import { createOpsApp } from "../ops-app";
import { JobQueue } from "../queue/job-queue";
import { QueueScheduler } from "../queue/queue-scheduler";
import { QueueWorker } from "../queue/queue-worker";
import { RunWatch } from "../runs/run-watch";
import { WorkerPool } from "../runs/worker-pool";
import type { Started } from "./embedded";
import { type Listening, listen } from "./listen";

export async function startScaleOut(config: Config, log: Logger): Promise<Started> {
  const settings = config.scaleOut;
  const url = settings.databaseUrl!;
  await migratePg(url);
  const store = await PgRunStore.open(url, { poolSize: settings.databasePoolSize, log });
  // pg-boss creates its tables and queues safely once, not from many processes at the same moment.
  const queue = await withSetupLock(url, () => JobQueue.start(store.executor, settings, log));
  const metrics = new Metrics(store);

  const worker =
    settings.role === "api"
      ? undefined
      : new QueueWorker({
          store,
          queue,
          executor: new WorkerPool(config.poolSize),
          limits: config.limits,
          concurrency: config.poolSize,
          jobExpire: settings.jobExpire,
          jobRetryLimit: settings.jobRetryLimit,
          queueLimit: config.runQueueLimit,
          log,
          metrics,
        });
  worker?.start();

  let server: Listening;
  let drain: (timeoutMs: number) => Promise<void>;
  let watch: RunWatch | undefined;
  if (settings.role === "worker") {
    server = await listen(
      createOpsApp({ store, scheduler: worker!, metrics, logger: log }),
      config,
      log,
      "syslab worker",
    );
    drain = (ms) => worker!.drain(ms);
  } else {
    watch = new RunWatch(store);
    const scheduler = new QueueScheduler({
      store,
      queue,
      queueLimit: config.runQueueLimit,
      maxWallTime: config.limits.maxWallTime,
      local: worker,
    });
    const app = createApp({ config, store, scheduler, watch, logger: log, metrics });
    server = await listen(app, config, log, settings.role === "all" ? "syslab api and worker" : "syslab api");
    drain = (ms) => scheduler.drain(ms);
  }

  return {
    async stop() {
      server.close();
      watch?.close();
      await drain(config.drainTimeout * 1000);
      server.closeAllConnections();
      await queue.stop();
      await store.close();
    },
  };
}
