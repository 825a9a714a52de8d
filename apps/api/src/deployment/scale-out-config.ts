// Settings for running beyond one process: which store (DATABASE_URL), which role this process
// plays (SYSLAB_ROLE), and how the Postgres job queue hands runs to workers and takes them back.

import { type Env, int, num } from "../env-number";

const roles = ["api", "worker", "all"] as const;
type Role = (typeof roles)[number];

export interface ScaleOutConfig {
  /** A postgres:// URL selects Postgres and pg-boss; absent, runs live in SQLite under DATA_DIR. */
  databaseUrl: string | undefined;
  /** api: HTTP only; worker: runs only (and its health, readiness and metrics); all: both. */
  role: Role;
  /** Connections each process keeps to Postgres. */
  databasePoolSize: number;
  /** Seconds a run's job may stay active before its worker is presumed dead and another takes it. */
  jobExpire: number;
  /** Times a run whose worker died is handed to another before it fails with run.internal. */
  jobRetryLimit: number;
  /** Seconds between the queue's maintenance passes, which find expired jobs. */
  queueMaintenanceInterval: number;
}

export function loadScaleOutConfig(env: Env, maxWallTime: number): ScaleOutConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error(
      `DATABASE_URL must be a postgres:// URL, got "${databaseUrl.replace(/\/\/[^@/]*@/, "//…@")}"; leave it unset to use SQLite in DATA_DIR`,
    );
  }
  const role = (env.SYSLAB_ROLE || "all") as Role;
  if (!roles.includes(role)) {
    throw new Error(`SYSLAB_ROLE must be one of ${roles.join(", ")}, got "${env.SYSLAB_ROLE}"`);
  }
  if (role !== "all" && databaseUrl === undefined) {
    throw new Error(
      `SYSLAB_ROLE=${role} needs DATABASE_URL: with SQLite one process accepts and runs every run (SYSLAB_ROLE=all)`,
    );
  }
  // The wall-time limit bounds how long a live worker holds a run; the margin covers storing the result.
  const jobExpire = int(env, "JOB_EXPIRE", Math.ceil(maxWallTime) + 30);
  if (jobExpire <= maxWallTime) {
    throw new Error(
      `JOB_EXPIRE (${jobExpire} s) must be longer than SYSLAB_MAX_WALL_TIME (${maxWallTime} s), or a run still executing would be given to a second worker`,
    );
  }
  return {
    databaseUrl,
    role,
    databasePoolSize: Math.max(2, int(env, "DATABASE_POOL_SIZE", 10)),
    jobExpire,
    jobRetryLimit: int(env, "JOB_RETRY_LIMIT", 5),
    queueMaintenanceInterval: Math.max(1, num(env, "QUEUE_MAINTENANCE_INTERVAL", 10)),
  };
}
