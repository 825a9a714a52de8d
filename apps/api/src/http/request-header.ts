// A request header, read from Node's parsed request when there is one: the Request's Headers are
// built on first use, a validated insert per header, for every request that reads any header at all.

import type { Context } from "hono";

interface NodeBindings {
  incoming?: { headers: Record<string, string | string[] | undefined> };
}

/** `name` in lower case, as Node keeps them. Repeated headers are joined with ", ", as Headers does. */
export function requestHeader(c: Context, name: string): string | undefined {
  const incoming = (c.env as NodeBindings | undefined)?.incoming;
  if (!incoming) return c.req.header(name);
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}
