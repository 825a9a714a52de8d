// Strong entity tags for answers that never change (a finished run's JSON), and If-None-Match
// (RFC 9110, section 13.1.2): a client that holds the current bytes gets 304 instead of them again.

import { createHash } from "node:crypto";

/** A strong tag naming exactly these bytes: 128 bits of their SHA-256, quoted. */
export function entityTag(body: Uint8Array): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
}

/**
 * Whether an If-None-Match header names `tag`: "*", or a list of tags compared weakly (W/ ignored),
 * as the RFC asks for GET and HEAD.
 */
export function noneMatchHits(header: string | undefined, tag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === "*") return true;
  for (const item of header.split(",")) {
    const candidate = item.trim();
    if ((candidate.startsWith("W/") ? candidate.slice(2) : candidate) === tag) return true;
  }
  return false;
}
