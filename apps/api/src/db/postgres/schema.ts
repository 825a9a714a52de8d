// The runs table in Postgres: the same columns as in SQLite (times as bigint milliseconds, JSON as text
// so that results are served byte for byte as the engine wrote them).

import { bigint, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { runStatuses } from "../run-store";

export const runs = pgTable(
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
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    startedAt: bigint("started_at", { mode: "number" }),
    finishedAt: bigint("finished_at", { mode: "number" }),
    wallMs: integer("wall_ms"),
    progress: text("progress"),
  },
  (table) => [index("runs_status_created_idx").on(table.status, table.createdAt)],
);
