// Per-client request limit over a fixed one-minute window; over it, 429 with Retry-After.

import type { Context, MiddlewareHandler } from "hono";
import { apiErrors } from "../errors/catalogue";

interface Window {
  start: number;
  count: number;
}

const windowMs = 60_000;

export function rateLimit(opts: {
  perMinute: number;
  /** Whom a request counts against: requests with the same key share one allowance. */
  key: (c: Context) => string;
  now?: () => number;
}): MiddlewareHandler {
  const now = opts.now ?? Date.now;
  const windows = new Map<string, Window>();
  return async function rateLimitMiddleware(c, next) {
    if (opts.perMinute <= 0) return next();
    const t = now();
    // Forget finished windows now and then so the map stays as small as the set of active clients.
    if (windows.size > 10_000) for (const [k, w] of windows) if (t - w.start >= windowMs) windows.delete(k);
    const key = opts.key(c);
    let w = windows.get(key);
    if (!w || t - w.start >= windowMs) {
      w = { start: t, count: 0 };
      windows.set(key, w);
    }
    w.count++;
    if (w.count > opts.perMinute) {
      throw apiErrors.rateLimited(opts.perMinute, Math.max(1, Math.ceil((w.start + windowMs - t) / 1000)));
    }
    await next();
  };
}
