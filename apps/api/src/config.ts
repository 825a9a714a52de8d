// Reads the API's settings from environment variables, with the defaults documented in the README.

import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import type { RunLimits } from "@syslab/sim-core";
import { loadScaleOutConfig, type ScaleOutConfig } from "./deployment/scale-out-config";
import { type Env, int, num } from "./env-number";

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** Origin used in absolute links (e.g. https://syslab.example.org); absent: taken from each request. */
  publicUrl: string | undefined;
  /** Built docs site served at `/` when the folder exists. */
  docsDir: string;
  /** Worker threads running simulations. */
  poolSize: number;
  /** Runs accepted but not finished (queued + running) before POST answers 503. */
  runQueueLimit: number;
  /** Per-run limits handed to the engine. */
  limits: Required<RunLimits>;
  /** Requests per minute per client IP on /v1 and /r; 0 turns the limit off. */
  rateLimit: number;
  bodyLimit: number;
  /** Longest `?wait=` a long poll may ask for, in seconds. */
  maxWait: number;
  /** How long SIGTERM waits for running runs before re-queueing them, in seconds. */
  drainTimeout: number;
  /** Most values in one sweep. */
  maxSweepValues: number;
  /** Pino level of the structured logs (request logs are `info`). */
  logLevel: string;
  /** Postgres, the job queue and the process's role; absent DATABASE_URL means the embedded SQLite server. */
  scaleOut: ScaleOutConfig;
}

export function loadConfig(env: Env = process.env): Config {
  return {
    host: env.HOST || "127.0.0.1",
    port: int(env, "PORT", 8787),
    dataDir: env.DATA_DIR || "./data",
    publicUrl: env.PUBLIC_URL ? new URL(env.PUBLIC_URL).origin : undefined,
    docsDir: env.DOCS_DIR || fileURLToPath(new URL("../../docs/dist", import.meta.url)),
    poolSize: int(env, "POOL_SIZE", availableParallelism()),
    runQueueLimit: int(env, "RUN_QUEUE_LIMIT", 100),
    limits: {
      maxEvents: num(env, "SYSLAB_MAX_EVENTS", 50_000_000),
      maxWallTime: num(env, "SYSLAB_MAX_WALL_TIME", 30),
      maxSimTime: num(env, "SYSLAB_MAX_SIM_TIME", 1e7),
      // Each worker thread's heap holds at most this many live requests (tens of MB).
      maxInFlight: int(env, "SYSLAB_MAX_IN_FLIGHT", 200_000),
    },
    rateLimit: int(env, "RATE_LIMIT", 600),
    bodyLimit: int(env, "BODY_LIMIT", 1_048_576),
    maxWait: num(env, "MAX_WAIT", 60),
    drainTimeout: num(env, "DRAIN_TIMEOUT", 10),
    maxSweepValues: int(env, "MAX_SWEEP_VALUES", 50),
    logLevel: env.LOG_LEVEL || "info",
    scaleOut: loadScaleOutConfig(env, num(env, "SYSLAB_MAX_WALL_TIME", 30)),
  };
}
