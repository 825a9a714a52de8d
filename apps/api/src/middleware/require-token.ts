// Guards the routes that create runs: when API_TOKENS is set they answer 401 without a valid
// bearer token; when it is not, anyone may create runs, as before.

import type { MiddlewareHandler } from "hono";
import { apiErrors } from "../errors/catalogue";
import { ApiTokens } from "../http/api-tokens";

export function requireToken(tokens: readonly string[]): MiddlewareHandler {
  const known = new ApiTokens(tokens);
  return async function requireTokenMiddleware(c, next) {
    if (!known.required) return next();
    const checked = known.check(c.req.header("authorization"));
    if (!checked.ok) throw checked.reason === "missing" ? apiErrors.tokenMissing() : apiErrors.tokenInvalid();
    await next();
  };
}
