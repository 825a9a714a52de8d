// The process's structured log: one JSON object a line on stdout (pino), tagged with the role.

import { type Logger, pino } from "pino";

export type { Logger } from "pino";

export function createLogger(level: string, role: string): Logger {
  return pino({ level, base: { role, pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime });
}

/**
 * The same log for start and stop lines (listening on…, draining, stopped), which are written
 * whatever LOG_LEVEL says: scripts read the port from the first, operators the state from the others.
 */
export function lifecycleLog(log: Logger): Logger {
  return log.isLevelEnabled("info") ? log : log.child({}, { level: "info" });
}

/** For tests and tools that build an app without wanting its logs. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
