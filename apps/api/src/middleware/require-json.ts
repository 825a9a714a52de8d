// Rejects request bodies that are not declared as JSON with 415.

import type { MiddlewareHandler } from "hono";
import { apiErrors } from "../errors/catalogue";
import { requestHeader } from "../http/request-header";

const jsonType = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

export function requireJson(): MiddlewareHandler {
  return async function requireJsonMiddleware(c, next) {
    const type = requestHeader(c, "content-type");
    if (!type || !jsonType.test(type)) throw apiErrors.unsupportedMediaType(type);
    await next();
  };
}
