// What the app is built from: settings, the run store (the database) and the run scheduler.

import type { Config } from "./config";
import type { RunStore } from "./db/run-store";
import type { RunScheduler } from "./runs/run-scheduler";

export interface AppDeps {
  config: Config;
  store: RunStore;
  scheduler: RunScheduler;
}
