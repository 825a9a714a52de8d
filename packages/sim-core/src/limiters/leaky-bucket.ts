/**
 * Leaky bucket as NGINX's limit_req does it (ngx_http_limit_req_module): the bucket's excess
 * drains at `rate` per second; each request adds one. A request that would take the excess above
 * `burst` is refused; otherwise it waits excess / rate so that requests leave spaced at 1/rate,
 * or, with `nodelay`, passes at once while still filling the bucket.
 */
import { type LimitRule, type LimitState, REFUSE } from "./limit-rule";

export class LeakyBucket implements LimitRule {
  constructor(
    private readonly rate: number,
    private readonly burst: number,
    private readonly nodelay: boolean,
  ) {}

  fresh(state: LimitState, now: number): void {
    // NGINX's first request from a key finds an empty bucket: excess 0, passed at once.
    state.level = -1;
    state.since = now;
  }

  admit(state: LimitState, now: number): number {
    const excess = Math.max(0, state.level - (now - state.since) * this.rate + 1);
    // Within a microsecond of the limit counts as at it: drains computed in doubles land just above.
    if (excess > this.burst + 1e-9) return REFUSE;
    state.level = excess;
    state.since = now;
    return this.nodelay ? 0 : excess / this.rate;
  }
}
