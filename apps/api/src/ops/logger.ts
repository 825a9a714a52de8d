// The process's structured log: one JSON object a line on stdout (pino), tagged with the role.

import { type Logger, pino } from "pino";

export type { Logger } from "pino";

export function createLogger(level: string, role: string): Logger {
  return pino(
    { level, base: { role, pid: process.pid }, timestamp: isoTimeByMillisecond() },
    // Written asynchronously: with synchronous writes a slow reader of stdout (a full pipe) would
    // stall every request for 100 ms at a time (sonic-boom's wait on EAGAIN).
    pino.destination({ dest: 1, sync: false }),
  );
}

/**
 * pino's isoTime, formatted once per millisecond: under load many lines share one, and formatting
 * the date was a fifth of the cost of a request's log line.
 */
function isoTimeByMillisecond(): () => string {
  let last = Number.NaN;
  let field = "";
  return () => {
    const now = Date.now();
    if (now !== last) {
      last = now;
      field = `,"time":"${new Date(now).toISOString()}"`;
    }
    return field;
  };
}

/** Writes out whatever the log still holds; call before process.exit. */
export function flushLog(log: Logger): Promise<void> {
  return new Promise((resolve) => log.flush(() => resolve()));
}

/**
 * The same log for start and stop lines (started, draining, stopped), which are written
 * whatever LOG_LEVEL says: scripts read the port from the first, operators the state from the others.
 */
export function lifecycleLog(log: Logger): Logger {
  return log.isLevelEnabled("info") ? log : log.child({}, { level: "info" });
}

/** For tests and tools that build an app without wanting its logs. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
