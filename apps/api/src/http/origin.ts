// The scheme://host:port clients reach the API at, for absolute links in responses and share pages:
// PUBLIC_URL when set (behind a proxy, or to ignore the Host header), otherwise the request's own.

import type { Context } from "hono";

export function requestOrigin(c: Context, publicUrl: string | undefined): string {
  return publicUrl ?? new URL(c.req.url).origin;
}
