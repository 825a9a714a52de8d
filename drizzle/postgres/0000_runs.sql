CREATE TABLE "runs" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text,
	"scenario" text NOT NULL,
	"input" text NOT NULL,
	"scenario_hash" text NOT NULL,
	"status" text NOT NULL,
	"result" text,
	"error" text,
	"engine_version" text NOT NULL,
	"created_at" bigint NOT NULL,
	"started_at" bigint,
	"finished_at" bigint,
	"wall_ms" integer,
	"progress" text
);
--> statement-breakpoint
CREATE INDEX "runs_status_created_idx" ON "runs" USING btree ("status","created_at");