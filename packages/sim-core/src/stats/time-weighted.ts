/**
 * A time-weighted average of a level that changes at event times (queue length, busy
 * servers): the area under the step function divided by the time observed.
 *
 * Updates read the time from the clock rather than taking it as an argument: a double passed
 * to a call that V8 does not inline is boxed on the heap, and these run several times per event.
 */
import type { Clock } from "../kernel/clock";

export class TimeWeighted {
  /** The current level. */
  value = 0;
  /** The highest level since the last reset. */
  max = 0;
  private area = 0;
  private lastTime = 0;
  private startTime = 0;
  private readonly clock: Clock;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  /** Sets the level now. */
  set(value: number): void {
    const now = this.clock.now;
    this.area += this.value * (now - this.lastTime);
    this.lastTime = now;
    this.value = value;
    if (value > this.max) this.max = value;
  }

  /** Changes the level by `delta` now. */
  add(delta: number): void {
    // The body of set(), repeated: this runs several times per event and a nested call may not be inlined.
    const now = this.clock.now;
    const value = this.value + delta;
    this.area += this.value * (now - this.lastTime);
    this.lastTime = now;
    this.value = value;
    if (value > this.max) this.max = value;
  }

  /** Starts a fresh observation window at `now`, keeping the current level. */
  reset(now: number): void {
    this.area = 0;
    this.lastTime = now;
    this.startTime = now;
    this.max = this.value;
  }

  /** The time-weighted mean over [last reset, now]; the current level if no time has passed. */
  mean(now: number): number {
    const elapsed = now - this.startTime;
    if (elapsed <= 0) return this.value;
    return (this.area + this.value * (now - this.lastTime)) / elapsed;
  }
}
