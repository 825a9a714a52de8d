/**
 * Sliding window counter (as Cloudflare and most Redis limiters do it): counts in fixed windows of
 * `window` seconds, and estimates the count over the last `window` seconds as the current
 * window's count plus the previous window's weighted by how much of it the sliding window still
 * covers. A request that would bring the estimate to more than `limit` is refused.
 */
import { type LimitRule, type LimitState, REFUSE } from "./limit-rule";

export class SlidingWindow implements LimitRule {
  constructor(
    private readonly limit: number,
    private readonly window: number,
  ) {}

  fresh(state: LimitState, now: number): void {
    state.level = 0;
    state.previous = 0;
    state.since = Math.floor(now / this.window) * this.window;
  }

  admit(state: LimitState, now: number): number {
    const start = Math.floor(now / this.window) * this.window;
    if (start !== state.since) {
      // One window on: the current count becomes the previous; further on, both are empty.
      state.previous = start - state.since === this.window ? state.level : 0;
      state.level = 0;
      state.since = start;
    }
    const overlap = 1 - (now - start) / this.window;
    if (state.previous * overlap + state.level + 1 > this.limit) return REFUSE;
    state.level++;
    return 0;
  }
}
