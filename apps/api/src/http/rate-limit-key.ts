// Whom a request counts against in the rate limit: the API token it carries, when it carries a
// valid one, so that each token has its own allowance wherever it is used from; otherwise the
// address it comes from.

import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import type { Config } from "../config";
import { ApiTokens } from "./api-tokens";

export function rateLimitKey(config: Pick<Config, "apiTokens">): (c: Context) => string {
  const tokens = new ApiTokens(config.apiTokens);
  return function keyOf(c) {
    if (tokens.required) {
      const checked = tokens.check(c.req.header("authorization"));
      if (checked.ok) return `token ${checked.id}`;
    }
    return `address ${peerAddress(c)}`;
  };
}

/** The socket's peer; requests made in-process (app.request) have none and share one key. */
function peerAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "local";
  } catch {
    return "local";
  }
}
