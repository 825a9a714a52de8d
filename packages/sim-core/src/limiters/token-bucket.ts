/**
 * Token bucket: `burst` tokens to start with, refilled at `rate` per second up to `burst`; a
 * request takes a token or is refused. In any window of t seconds at most rate × t + burst pass.
 */
import { type LimitRule, type LimitState, REFUSE } from "./limit-rule";

export class TokenBucket implements LimitRule {
  constructor(
    private readonly rate: number,
    private readonly burst: number,
  ) {}

  fresh(state: LimitState, now: number): void {
    state.level = this.burst;
    state.since = now;
  }

  admit(state: LimitState, now: number): number {
    const tokens = Math.min(this.burst, state.level + (now - state.since) * this.rate);
    state.since = now;
    if (tokens < 1) {
      state.level = tokens;
      return REFUSE;
    }
    state.level = tokens - 1;
    return 0;
  }
}
