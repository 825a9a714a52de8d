// Caps request bodies at BODY_LIMIT bytes with 413. A declared Content-Length is checked up front
// (Node's HTTP parser never reads past it); a chunked body is counted as it is read. This costs far
// less than wrapping every body stream in a counting reader.

import type { MiddlewareHandler } from "hono";
import { apiErrors } from "../errors/catalogue";
import { rememberBodyText } from "../http/body-text";
import { requestHeader } from "../http/request-header";

export function limitBody(maxSize: number): MiddlewareHandler {
  return async function limitBodyMiddleware(c, next) {
    const declared = requestHeader(c, "content-length");
    if (declared !== undefined) {
      if (Number(declared) > maxSize) throw apiErrors.tooLarge(maxSize);
      return next();
    }
    const reader = c.req.raw.body?.getReader();
    if (!reader) return next();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxSize) {
        await discardRest(reader, size);
        throw apiErrors.tooLarge(maxSize);
      }
      chunks.push(value);
    }
    rememberBodyText(c, new TextDecoder().decode(Buffer.concat(chunks)));
    await next();
  };
}

// Past this a client that keeps sending is cut off (the bound @hono/node-server's own drain uses).
const drainLimit = 64 * 1024 * 1024;

/**
 * Reads the rest of a body that is over the limit and drops it. Cancelling the stream instead
 * would close the connection while the client is still sending, so it would see a reset
 * connection rather than the 413.
 */
async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>, read: number): Promise<void> {
  for (let size = read; size <= drainLimit; ) {
    const { done, value } = await reader.read();
    if (done) return;
    size += value.byteLength;
  }
  await reader.cancel();
}
