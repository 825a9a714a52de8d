// The API's tables: one row per run, keyed by an id derived from the scenario and engine version.

import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

const runStatuses = ["queued", "running", "done", "failed"] as const;

export const runs = sqliteTable(
  "runs",
  {
    id: text("id").primaryKey(),
    name: text("name"),
    /** The canonical scenario as JSON: what the id is derived from. */
    scenario: text("scenario").notNull(),
    /** The scenario as first submitted; the worker parses it again, exactly as the CLI would. */
    input: text("input").notNull(),
    scenarioHash: text("scenario_hash").notNull(),
    status: text("status", { enum: runStatuses }).notNull(),
    result: text("result"),
    error: text("error"),
    engineVersion: text("engine_version").notNull(),
    /** Milliseconds since the epoch. */
    createdAt: integer("created_at").notNull(),
    startedAt: integer("started_at"),
    finishedAt: integer("finished_at"),
    wallMs: integer("wall_ms"),
  },
  (table) => [index("runs_status_created_idx").on(table.status, table.createdAt)],
);

export type RunRow = typeof runs.$inferSelect;
