// The runs table in SQLite: one row per run, keyed by an id derived from the scenario and engine version.

import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { runStatuses } from "../run-store";

export const runs = sqliteTable(
  "runs",
  {
    id: text("id").primaryKey(),
    name: text("name"),
    scenario: text("scenario").notNull(),
    input: text("input").notNull(),
    scenarioHash: text("scenario_hash").notNull(),
    status: text("status", { enum: runStatuses }).notNull(),
    result: text("result"),
    error: text("error"),
    engineVersion: text("engine_version").notNull(),
    createdAt: integer("created_at").notNull(),
    startedAt: integer("started_at"),
    finishedAt: integer("finished_at"),
    wallMs: integer("wall_ms"),
    progress: text("progress"),
  },
  (table) => [index("runs_status_created_idx").on(table.status, table.createdAt)],
);
