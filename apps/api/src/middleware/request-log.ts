// One structured log line per request (pino): method, path, route, status, time, client address and
// a request id. The id is the one the caller (nginx's $request_id) sent in X-Request-Id, or a new
// one; the response echoes it, so a client's report can be matched to the server's log.

import { randomUUID } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import { requestHeader } from "../http/request-header";
import { settleHeaders, stageHeaders } from "../http/staged-headers";
import type { Logger } from "../ops/logger";

/** Ids a proxy or client may choose: short, and safe to copy into a log or a header. */
const acceptableId = /^[\w.:-]{1,128}$/;

export function requestLog(logger: Logger): MiddlewareHandler {
  return async function requestLogMiddleware(c, next) {
    const started = performance.now();
    const given = requestHeader(c, "x-request-id");
    const id = given && acceptableId.test(given) ? given : randomUUID();
    const echo = { "x-request-id": id };
    stageHeaders(c, echo);
    await next();
    settleHeaders(c, echo);
    if (!logger.isLevelEnabled("info")) return;
    logger.info(
      {
        reqId: id,
        method: c.req.method,
        path: c.req.path,
        route: routePath(c),
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 100) / 100,
        remote: remoteAddress(c),
        forwardedFor: requestHeader(c, "x-forwarded-for"),
      },
      "request",
    );
  };
}

function remoteAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // app.request() in tests has no socket
  }
}
