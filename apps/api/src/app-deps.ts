// What the app is built from: settings, the run store (the database), the run scheduler, the watch
// that wakes long polls and event streams, and the process's log and metrics.

import type { Config } from "./config";
import type { RunStore } from "./db/run-store";
import type { Logger } from "./ops/logger";
import type { Metrics } from "./ops/metrics";
import type { RunScheduler } from "./runs/run-scheduler";
import type { RunWatch } from "./runs/run-watch";

export interface AppDeps {
  config: Config;
  store: RunStore;
  scheduler: RunScheduler;
  watch: RunWatch;
  /** Request logs go here; absent, nothing is logged. */
  logger?: Logger;
  /** Absent, the app keeps metrics of its own. */
  metrics?: Metrics;
}
