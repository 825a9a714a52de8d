/**
 * A time-weighted average of a level that changes at event times (queue length, busy
 * servers): the area under the step function divided by the time observed.
 */
export class TimeWeighted {
  /** The current level. */
  value = 0;
  /** The highest level since the last reset. */
  max = 0;
  private area = 0;
  private lastTime = 0;
  private startTime = 0;

  /** Sets the level at time `now` (≥ the last update). */
  set(now: number, value: number): void {
    this.area += this.value * (now - this.lastTime);
    this.lastTime = now;
    this.value = value;
    if (value > this.max) this.max = value;
  }

  /** Changes the level by `delta` at time `now`. */
  add(now: number, delta: number): void {
    this.set(now, this.value + delta);
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
