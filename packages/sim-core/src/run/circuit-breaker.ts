/**
 * A client-side circuit breaker (Nygard's "Release It!", as Hystrix and resilience4j do it):
 * closed, it counts failed attempts, and `failures` of them within `window` open it; open, every
 * request fails at once for `openFor`; then half-open, it lets one probe through, which closes it
 * on success and opens it again on failure.
 */
import type { Clock } from "../kernel/clock";
import type { CircuitBreakerPolicy } from "../scenario/model";

const CLOSED = 0;
const OPEN = 1;
const HALF_OPEN = 2;

export class CircuitBreaker {
  /** The times of the latest `failures` failures, a ring. */
  private readonly recent: Float64Array;
  private next = 0;
  private state = CLOSED;
  private openedAt = 0;
  private probing = false;

  constructor(
    private readonly policy: CircuitBreakerPolicy,
    private readonly clock: Clock,
  ) {
    this.recent = new Float64Array(policy.failures).fill(Number.NEGATIVE_INFINITY);
  }

  /** Whether an attempt may be sent now (half-open: only the one probe). */
  allows(): boolean {
    if (this.state === CLOSED) return true;
    if (this.state === OPEN) {
      if (this.clock.now - this.openedAt < this.policy.openFor) return false;
      this.state = HALF_OPEN;
      this.probing = false;
    }
    if (this.probing) return false;
    this.probing = true;
    return true;
  }

  /** An attempt it allowed has ended. */
  record(failed: boolean): void {
    const now = this.clock.now;
    if (this.state === HALF_OPEN) {
      this.probing = false;
      if (failed) this.open(now);
      else {
        this.state = CLOSED;
        this.recent.fill(Number.NEGATIVE_INFINITY);
      }
      return;
    }
    if (!failed || this.state === OPEN) return;
    this.recent[this.next] = now;
    this.next = (this.next + 1) % this.recent.length;
    // The oldest of the latest `failures` failures is the one `next` now points at.
    if (now - this.recent[this.next]! <= this.policy.window) this.open(now);
  }

  private open(now: number): void {
    this.state = OPEN;
    this.openedAt = now;
  }
}
