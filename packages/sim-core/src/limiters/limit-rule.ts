/**
 * What every limiting algorithm implements: decide, for a request arriving now, to pass it (0),
 * delay it (a positive number of seconds) or refuse it (−1, HTTP 429), from the state it keeps per
 * key (or one state for all). A rule that limits what is in flight is told when a request leaves.
 */

/** One key's (or the whole limiter's) state: the same few numbers for every rule, one stable shape. */
export class LimitState {
  /** Tokens (token bucket), excess (leaky bucket), the current window's count (sliding window), in flight (concurrency). */
  level = 0;
  /** The previous window's count (sliding window). */
  previous = 0;
  /** When `level` was last brought up to date, or the current window began. */
  since = 0;
}

export interface LimitRule {
  /** A state for a key seen for the first time, now. */
  fresh(state: LimitState, now: number): void;
  /** 0 to pass now, seconds to wait before passing, or −1 to refuse. */
  admit(state: LimitState, now: number): number;
  /** A request it passed has left (only rules that limit concurrency care). */
  release?(state: LimitState): void;
}

export const REFUSE = -1;
