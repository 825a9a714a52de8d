// Reads the API's settings from environment variables, with the defaults documented in the README.

import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import type { RunLimits } from "@syslab/sim-core";
import { loadScaleOutConfig, type ScaleOutConfig } from "./deployment/scale-out-config";
import { type Env, int, num } from "./env-number";
import { TrustedProxies } from "./http/client-address";

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** Origin used in absolute links (e.g. https://syslab.example.org); absent: taken from each request. */
  publicUrl: string | undefined;
  /** The docs playground that share pages open scenarios in (PLAYGROUND_URL); absent: `/playground/` on this origin. */
  playgroundUrl: string | undefined;
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
  /** Tokens that may create runs and sweeps (API_TOKENS); empty: anyone may. */
  apiTokens: string[];
  /** Addresses and subnets of proxies whose X-Forwarded-For is believed (TRUST_PROXY). */
  trustProxy: string[];
  /** Origins of sites allowed to call the API from a browser (CORS_ORIGINS); "*" for any. */
  corsOrigins: string[];
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
    playgroundUrl: env.PLAYGROUND_URL ? new URL(env.PLAYGROUND_URL).href : undefined,
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
    apiTokens: tokens(env),
    trustProxy: trustedProxies(env),
    corsOrigins: origins(env),
    logLevel: env.LOG_LEVEL || "info",
    scaleOut: loadScaleOutConfig(env, num(env, "SYSLAB_MAX_WALL_TIME", 30)),
  };
}

/** CORS_ORIGINS: origins (scheme://host[:port], nothing after) separated by commas, or "*". */
function origins(env: Env): string[] {
  const list = (env.CORS_ORIGINS ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  for (const entry of list) {
    let origin: string | undefined;
    try {
      origin = new URL(entry).origin;
    } catch {}
    if (entry !== "*" && origin !== entry)
      throw new Error(
        `CORS_ORIGINS: "${entry}" is not an origin such as https://docs.example.org (no path, no trailing slash)`,
      );
  }
  return list;
}

/** TRUST_PROXY: addresses or subnets separated by commas, checked now so a typo stops the start. */
function trustedProxies(env: Env): string[] {
  const list = (env.TRUST_PROXY ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  new TrustedProxies(list);
  return list;
}

/** API_TOKENS: tokens separated by commas; each is sent as one header value, so it has no spaces. */
function tokens(env: Env): string[] {
  const list = (env.API_TOKENS ?? "")
    .split(",")
    .map((token) => token.trim())
    .filter((token) => token !== "");
  for (const token of list) {
    if (!/^[A-Za-z0-9\-._~+/]+=*$/.test(token))
      throw new Error("API_TOKENS must be tokens of letters, digits and -._~+/ separated by commas");
  }
  return list;
}
