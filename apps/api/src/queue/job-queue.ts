// The Postgres job queue (pg-boss 10) that hands runs to workers on any machine. One job per run,
// keyed by the run id under pg-boss's "stately" policy: at most one job of a run waits and at most
// one is active, so a run never executes twice at once. A job whose worker dies stays active until
// it expires (JOB_EXPIRE) and is then retried elsewhere (at-least-once; runs are deterministic, so a
// second execution stores the same result); after JOB_RETRY_LIMIT retries it moves to a dead-letter
// queue, where a worker records the run as failed.

import PgBoss from "pg-boss";
import type { SqlExecutor } from "../db/postgres/pg-run-store";
import type { ScaleOutConfig } from "../deployment/scale-out-config";
import type { Logger } from "../ops/logger";

/** Runs to execute. */
export const runsQueue = "syslab-runs";
/** Runs whose workers all stopped before finishing them. */
export const lostQueue = "syslab-runs-lost";

export interface RunJob {
  /** pg-boss's id of the job (not the run's). */
  jobId: string;
  runId: string;
  /** Times this job was handed out before (0 on the first delivery). */
  retries: number;
}

export class JobQueue {
  private readonly boss: PgBoss;
  private readonly settings: ScaleOutConfig;

  private constructor(boss: PgBoss, settings: ScaleOutConfig) {
    this.boss = boss;
    this.settings = settings;
  }

  /** Installs or migrates pg-boss's schema (race-safe across processes) and creates the queues. */
  static async start(db: SqlExecutor, settings: ScaleOutConfig, log: Logger): Promise<JobQueue> {
    const boss = new PgBoss({
      // The store's pool: one set of connections per process, and jobs sent in the store's transactions.
      db,
      schedule: false,
      // Maintenance (finding expired jobs among them) runs in whichever process takes its turn first.
      supervise: true,
      maintenanceIntervalSeconds: settings.queueMaintenanceInterval,
    });
    // Maintenance that fails (the database restarting) is retried on the next pass; it must not crash us.
    boss.on("error", (err) => log.warn({ err }, "the job queue reported an error"));
    await boss.start();
    await boss.createQueue(lostQueue, { name: lostQueue, policy: "standard" });
    await boss.createQueue(runsQueue, { name: runsQueue, policy: "stately", deadLetter: lostQueue });
    return new JobQueue(boss, settings);
  }

  /** Sends one job per run, through `tx` so that it commits with the runs' rows. */
  async send(tx: SqlExecutor, runIds: string[]): Promise<void> {
    for (const runId of runIds) {
      await this.boss.send(
        runsQueue,
        { runId },
        {
          singletonKey: runId,
          expireInSeconds: this.settings.jobExpire,
          retryLimit: this.settings.jobRetryLimit,
          retryDelay: 0,
          db: tx,
        },
      );
    }
  }

  /** The next job of `queue` for this worker, or undefined when none waits (or the database is down). */
  async take(queue: string): Promise<RunJob | undefined> {
    const [job] = await this.boss.fetch<{ runId: string }>(queue, { batchSize: 1, includeMetadata: true });
    return job ? { jobId: job.id, runId: job.data.runId, retries: job.retryCount } : undefined;
  }

  async complete(queue: string, jobId: string): Promise<void> {
    await this.boss.complete(queue, jobId);
  }

  /** Gives the job back: it is retried at once (and counts toward JOB_RETRY_LIMIT). */
  async giveBack(queue: string, jobId: string, reason: string): Promise<void> {
    await this.boss.fail(queue, jobId, { reason });
  }

  async stop(): Promise<void> {
    // Our own fetch loops hold no pg-boss workers, and the pool belongs to the store.
    await this.boss.stop({ graceful: false, close: false });
  }
}
