// The request body as text, read once: by the body-limit middleware when it had to count a
// chunked body, otherwise straight from the request.

import type { Context } from "hono";

const readByMiddleware = new WeakMap<Request, string>();

export function rememberBodyText(c: Context, text: string): void {
  readByMiddleware.set(c.req.raw, text);
}

export async function bodyText(c: Context): Promise<string> {
  return readByMiddleware.get(c.req.raw) ?? (await c.req.text());
}
