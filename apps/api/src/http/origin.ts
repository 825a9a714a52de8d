// The scheme://host:port clients reach the API at, for absolute links in responses and share pages:
// PUBLIC_URL when set (behind a proxy, or to ignore the Host header), otherwise the request's own.

import type { Context } from "hono";

// The last origin parsed, and the URL prefix it came from: nearly every request names the same host,
// and parsing the whole URL for it was a twentieth of a stored run's GET.
let lastPrefix = "";
let lastOrigin = "";

export function requestOrigin(c: Context, publicUrl: string | undefined): string {
  if (publicUrl !== undefined) return publicUrl;
  const url = c.req.url;
  if (lastPrefix !== "" && url.startsWith(lastPrefix)) return lastOrigin;
  const origin = new URL(url).origin;
  const pathStart = url.indexOf("/", url.indexOf("//") + 2);
  // Only a URL written as exactly its origin and a path is remembered (no userinfo, no default port).
  if (pathStart > 0 && url.slice(0, pathStart) === origin) {
    lastPrefix = `${origin}/`;
    lastOrigin = origin;
  }
  return origin;
}
