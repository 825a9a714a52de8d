// Caps request bodies at BODY_LIMIT bytes; larger ones get 413 before they are read in full.

import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { apiErrors } from "../errors/catalogue";

export function limitBody(maxSize: number): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw apiErrors.tooLarge(maxSize);
    },
  });
}
