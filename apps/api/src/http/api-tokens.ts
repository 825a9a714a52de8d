// Write access by API token: API_TOKENS lists the tokens a server accepts, and a request presents
// one as `Authorization: Bearer <token>`. Tokens are kept and compared as SHA-256 digests in
// constant time, so neither their length nor their content shows in how long a check takes.

import { createHash, timingSafeEqual } from "node:crypto";

export type TokenCheck = { ok: true; id: string } | { ok: false; reason: "missing" | "invalid" };

const digest = (token: string) => createHash("sha256").update(token).digest();

// RFC 6750 §2.1: the scheme is case-insensitive; the token is one run of token68 characters.
const bearer = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

export class ApiTokens {
  private readonly digests: Buffer[];

  constructor(tokens: readonly string[]) {
    this.digests = tokens.map(digest);
  }

  /** Whether writes need a token at all (API_TOKENS is set). */
  get required(): boolean {
    return this.digests.length > 0;
  }

  /**
   * The Authorization header checked against the tokens. `id` names the token without revealing
   * it (the start of its digest), for keys such as the rate limit's.
   */
  check(authorization: string | undefined): TokenCheck {
    const match = authorization === undefined ? null : bearer.exec(authorization);
    if (match === null) return { ok: false, reason: authorization === undefined ? "missing" : "invalid" };
    const presented = digest(match[1]!);
    let found = false;
    // Every digest is compared, so the time taken does not say which one matched.
    for (const known of this.digests) found = timingSafeEqual(known, presented) || found;
    return found
      ? { ok: true, id: presented.toString("hex").slice(0, 16) }
      : { ok: false, reason: "invalid" };
  }
}
