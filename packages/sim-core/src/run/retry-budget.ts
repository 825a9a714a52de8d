/**
 * A retry budget (Finagle's RetryBudget, Envoy's retry_budget): retries may be at most `fraction`
 * of the requests sent over the last `window` seconds. Both counts are sliding-window estimates
 * (this window's count plus the previous one's, weighted by how much of it still overlaps), the
 * same weighting for both so that their ratio holds. With every attempt failing, the backend sees
 * at most 1 + fraction times the clients' requests.
 */
import type { Clock } from "../kernel/clock";

// Finagle's default TTL for deposits: 10 s.
const WINDOW = 10;

class WindowCount {
  current = 0;
  previous = 0;
  start = 0;

  estimate(now: number): number {
    this.roll(now);
    return this.current + this.previous * (1 - (now - this.start) / WINDOW);
  }

  add(now: number): void {
    this.roll(now);
    this.current++;
  }

  private roll(now: number): void {
    const start = Math.floor(now / WINDOW) * WINDOW;
    if (start === this.start) return;
    this.previous = start - this.start === WINDOW ? this.current : 0;
    this.current = 0;
    this.start = start;
  }
}

export class RetryBudget {
  private readonly sent = new WindowCount();
  private readonly retries = new WindowCount();

  constructor(
    private readonly fraction: number,
    private readonly clock: Clock,
  ) {}

  /** A client sent a request (its first attempt). */
  deposit(): void {
    this.sent.add(this.clock.now);
  }

  /** Takes one retry from the budget if it has room; false if the retry must not be sent. */
  withdraw(): boolean {
    const now = this.clock.now;
    if (this.retries.estimate(now) + 1 > this.fraction * this.sent.estimate(now)) return false;
    this.retries.add(now);
    return true;
  }
}
