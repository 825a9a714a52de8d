/** The calibration cases, in the order `npm run calibrate` runs them; the only list of them. */
import type { CaseResult } from "./case-result";
import * as acceptQueue from "./cases/accept-queue";
import * as eventLoop from "./cases/event-loop";
import * as gil from "./cases/gil";
import * as postgres from "./cases/postgres";
import * as threadPool from "./cases/thread-pool";

export interface MeasureOptions {
  /** How many times each noisy trial is repeated. */
  repeats: number;
}

export const CALIBRATION_CASES: Record<string, (options: MeasureOptions) => Promise<CaseResult>> = {
  "accept-queue": acceptQueue.measure,
  "thread-pool": threadPool.measure,
  "event-loop": eventLoop.measure,
  gil: gil.measure,
  postgres: postgres.measure,
};
