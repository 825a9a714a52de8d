// The scheme://host:port clients reached us at, for absolute links in responses and share pages.

import type { Context } from "hono";

export function requestOrigin(c: Context): string {
  return new URL(c.req.url).origin;
}
