/**
 * Concurrency limit: a semaphore of `limit` permits; a request that finds them all taken is
 * refused, and a permit comes back when the request leaves. In front of a delay with Poisson
 * arrivals it refuses Erlang B(limit, offered load) of them.
 */
import { type LimitRule, type LimitState, REFUSE } from "./limit-rule";

export class ConcurrencyLimit implements LimitRule {
  constructor(private readonly limit: number) {}

  fresh(state: LimitState): void {
    state.level = 0;
  }

  admit(state: LimitState): number {
    if (state.level >= this.limit) return REFUSE;
    state.level++;
    return 0;
  }

  release(state: LimitState): void {
    state.level--;
  }
}
