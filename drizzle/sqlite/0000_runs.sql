CREATE TABLE `runs` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text,
	`scenario` text NOT NULL,
	`input` text NOT NULL,
	`scenario_hash` text NOT NULL,
	`status` text NOT NULL,
	`result` text,
	`error` text,
	`engine_version` text NOT NULL,
	`created_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	`wall_ms` integer
);
--> statement-breakpoint
CREATE INDEX `runs_status_created_idx` ON `runs` (`status`,`created_at`);