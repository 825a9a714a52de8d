// Tells errors that mean "Postgres cannot be reached just now" (refused, reset, restarting, out of
// connections) from errors in a query: the first kind is worth retrying, and is a 503, not a 500.

/** SQLSTATE codes of a server that is going away, starting up or full. */
const unavailableStates = new Set(["57P01", "57P02", "57P03", "53300", "53400"]);
const networkCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN"]);
// node-postgres reports a lost or unobtainable connection in plain errors with these messages.
const lostConnection =
  /Connection terminated|connection error|timeout exceeded when trying to connect|Client was closed|not queryable/i;

/** Looks through wrappers (drizzle's DrizzleQueryError keeps node-postgres's error as its cause). */
export function isConnectionError(err: unknown): boolean {
  for (
    let e = err as { code?: unknown; message?: unknown; cause?: unknown } | null, depth = 0;
    depth < 5;
    depth++
  ) {
    if (!e || typeof e !== "object") return false;
    const code = typeof e.code === "string" ? e.code : "";
    if (networkCodes.has(code) || unavailableStates.has(code) || code.startsWith("08")) return true;
    if (typeof e.message === "string" && lostConnection.test(e.message)) return true;
    e = e.cause as typeof e;
  }
  return false;
}
