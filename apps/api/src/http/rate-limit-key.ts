// Whom a request counts against in the rate limit: the API token it carries, when it carries a
// valid one, so that each token has its own allowance wherever it is used from; otherwise the
// client's address (read through trusted proxies).

import type { Context } from "hono";
import type { Config } from "../config";
import { ApiTokens } from "./api-tokens";
import { clientAddress, TrustedProxies } from "./client-address";

export function rateLimitKey(config: Pick<Config, "apiTokens" | "trustProxy">): (c: Context) => string {
  const tokens = new ApiTokens(config.apiTokens);
  const proxies = new TrustedProxies(config.trustProxy);
  return function keyOf(c) {
    if (tokens.required) {
      const checked = tokens.check(c.req.header("authorization"));
      if (checked.ok) return `token ${checked.id}`;
    }
    return `address ${clientAddress(c, proxies)}`;
  };
}
