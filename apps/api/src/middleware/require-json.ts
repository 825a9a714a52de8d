// Rejects request bodies that are not declared as JSON with 415.

import type { MiddlewareHandler } from "hono";
import { apiErrors } from "../errors/catalogue";

const jsonType = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

export function requireJson(): MiddlewareHandler {
  return async function requireJsonMiddleware(c, next) {
    const type = c.req.header("content-type");
    if (!type || !jsonType.test(type)) throw apiErrors.unsupportedMediaType(type);
    await next();
  };
}
