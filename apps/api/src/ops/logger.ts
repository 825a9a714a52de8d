// The process's structured log: one JSON object a line on stdout (pino), tagged with the role.

import { type Logger, pino } from "pino";

export type { Logger } from "pino";

export function createLogger(level: string, role: string): Logger {
  return pino({ level, base: { role, pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime });
}

/** For tests and tools that build an app without wanting its logs. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
