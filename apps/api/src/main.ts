// Starts syslab: the embedded server (SQLite, runs in this process) or, with DATABASE_URL, an API
// replica, a worker or both on Postgres (SYSLAB_ROLE); drains on SIGTERM/SIGINT and exits 0.

import { loadConfig } from "./config";
import { startEmbedded } from "./deployment/embedded";
import { startScaleOut } from "./deployment/scale-out";
import { createLogger, flushLog, lifecycleLog } from "./ops/logger";

const config = loadConfig();
const log = createLogger(config.logLevel, config.scaleOut.role);
const lifecycle = lifecycleLog(log);

const start = config.scaleOut.databaseUrl ? startScaleOut : startEmbedded;
const started = await start(config, log).catch(async (err) => {
  log.fatal({ err }, "syslab could not start");
  await flushLog(log);
  process.exit(1);
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  lifecycle.info(`${signal}: draining`);
  await started.stop();
  lifecycle.info("stopped");
  await flushLog(log);
  process.exit(0);
}

process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
