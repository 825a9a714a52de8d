// Headers that middleware settles before a route answers (the security headers, the request id), and
// answers that take them in as they are made. @hono/node-server writes an answer whose headers are a
// plain object straight into writeHead, while a Headers instance costs a validated, sorted insert per
// header and a copy into an object when written: about a tenth of a stored run's GET. So middleware
// stages its headers, the hot routes answer with plainAnswer(), which writes them into the answer's
// own plain headers, and the middleware adds them afterwards only to answers made some other way
// (c.json(), thrown errors, static files).

import type { Context } from "hono";

/** Header names (lower case, as a Headers instance writes them) and values. Frozen when shared. */
export type HeaderSet = Readonly<Record<string, string>>;

declare module "hono" {
  interface ContextVariableMap {
    stagedHeaders: HeaderSet[] | undefined;
    plainAnswer: Response | undefined;
  }
}

/** Headers `c`'s answer must carry, decided before the route runs. */
export function stageHeaders(c: Context, headers: HeaderSet): void {
  const sets = c.get("stagedHeaders");
  if (sets) sets.push(headers);
  else c.set("stagedHeaders", [headers]);
}

/**
 * An answer with plain-object headers: every staged set, then the route's own `headers`, which must
 * not name a staged header (those belong to the middleware that staged them).
 */
export function plainAnswer(
  c: Context,
  body: string | Uint8Array<ArrayBuffer> | null,
  status: number,
  headers: HeaderSet,
): Response {
  const sets = c.get("stagedHeaders");
  // Spreading the first set copies its shape in one step (the outermost middleware should stage the
  // largest), where adding a dozen names one at a time costs a shape change each, microseconds in all.
  const all: Record<string, string> = sets ? { ...sets[0] } : {};
  if (sets) for (let i = 1; i < sets.length; i++) Object.assign(all, sets[i]);
  Object.assign(all, headers);
  const res = new Response(body, { status, headers: all });
  c.set("plainAnswer", res);
  return res;
}

/** After the route: puts `headers` on the answer unless plainAnswer() already wrote them in. */
export function settleHeaders(c: Context, headers: HeaderSet): void {
  if (c.res === c.get("plainAnswer")) return;
  // The answer's own Headers: c.header() on a finished answer would copy it into a new Response
  // around a body stream, which the Node server then has to pump instead of writing the body.
  const target = c.res.headers;
  for (const name in headers) target.set(name, headers[name]!);
}
