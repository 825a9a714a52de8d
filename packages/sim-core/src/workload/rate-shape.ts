/**
 * The multiplier a daily curve and flash crowds put on a Poisson rate at simulated time t, and
 * the piecewise-constant bound of it that thinning needs (workload/open-arrivals.ts).
 *
 * The daily curve is a raised cosine: ×1 at the trough, ×peakFactor at `peakAt`, smooth
 * everywhere. A flash crowd multiplies by `factor` over its window, reached and left linearly
 * over `ramp`; overlapping crowds multiply. The bound is constant between the crowds' window
 * edges, so the arrival process cuts its rate pieces there.
 */
import type { Diurnal, FlashCrowd } from "../scenario/model";

export class RateShape {
  private readonly diurnal: Diurnal | undefined;
  private readonly crowds: readonly FlashCrowd[];

  constructor(diurnal: Diurnal | undefined, crowds: readonly FlashCrowd[]) {
    this.diurnal = diurnal;
    this.crowds = crowds;
  }

  /** The rate's multiplier at time `t`. */
  at(t: number): number {
    let m = 1;
    const d = this.diurnal;
    if (d !== undefined && d.peakFactor !== 1) {
      const phase = (2 * Math.PI * (t - d.peakAt)) / d.period;
      m = 1 + ((d.peakFactor - 1) * (1 + Math.cos(phase))) / 2;
    }
    for (const c of this.crowds) {
      const into = t - c.at;
      if (into < 0 || into >= c.for) continue;
      const rise = c.ramp > 0 ? Math.min(1, into / c.ramp, (c.for - into) / c.ramp) : 1;
      m *= 1 + (c.factor - 1) * rise;
    }
    return m;
  }

  /** The times the bound may change at: every crowd's window edges, in increasing order. */
  edges(): number[] {
    const times = this.crowds.flatMap((c) => [c.at, c.at + c.for]);
    return [...new Set(times)].sort((a, b) => a - b);
  }

  /** The largest multiplier over [from, to), where no crowd's window edge lies strictly inside. */
  bound(from: number, to: number): number {
    let m = this.diurnal?.peakFactor ?? 1;
    for (const c of this.crowds) if (c.at < to && c.at + c.for > from) m *= Math.max(1, c.factor);
    return m;
  }
}
