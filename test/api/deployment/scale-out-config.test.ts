// The scale-out settings: DATABASE_URL selects Postgres, SYSLAB_ROLE the role, and mistakes are
// refused at start with the variable named.

import { expect, test } from "vitest";
import { loadConfig } from "../../../apps/api/src/config";

test("without DATABASE_URL the server is embedded (SQLite) and plays every role", () => {
  expect(loadConfig({}).scaleOut).toEqual({
    databaseUrl: undefined,
    role: "all",
    databasePoolSize: 10,
    jobExpire: 60,
    jobRetryLimit: 5,
    queueMaintenanceInterval: 10,
  });
});

test("a postgres:// URL selects Postgres, with the role and queue settings from the environment", () => {
  const { scaleOut } = loadConfig({
    DATABASE_URL: "postgresql://syslab:secret@db.internal:5432/syslab",
    SYSLAB_ROLE: "worker",
    SYSLAB_MAX_WALL_TIME: "120",
    JOB_RETRY_LIMIT: "2",
    DATABASE_POOL_SIZE: "4",
  });
  expect(scaleOut).toMatchObject({
    databaseUrl: "postgresql://syslab:secret@db.internal:5432/syslab",
    role: "worker",
    jobExpire: 150,
    jobRetryLimit: 2,
    databasePoolSize: 4,
  });
});

test("bad settings are refused, naming the variable and what to do, without echoing a password", () => {
  expect(() => loadConfig({ DATABASE_URL: "mysql://u:hunter2@h/db" })).toThrow(
    'DATABASE_URL must be a postgres:// URL, got "mysql://…@h/db"; leave it unset to use SQLite in DATA_DIR',
  );
  expect(() => loadConfig({ DATABASE_URL: "postgres://h/db", SYSLAB_ROLE: "replica" })).toThrow(
    'SYSLAB_ROLE must be one of api, worker, all, got "replica"',
  );
  expect(() => loadConfig({ SYSLAB_ROLE: "api" })).toThrow(
    "SYSLAB_ROLE=api needs DATABASE_URL: with SQLite one process accepts and runs every run (SYSLAB_ROLE=all)",
  );
  expect(() => loadConfig({ DATABASE_URL: "postgres://h/db", JOB_EXPIRE: "20" })).toThrow(
    "JOB_EXPIRE (20 s) must be longer than SYSLAB_MAX_WALL_TIME (30 s), or a run still executing would be given to a second worker",
  );
});
