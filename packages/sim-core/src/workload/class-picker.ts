/** Picks a request class at random in proportion to the classes' weights. */
import type { RandomSource } from "../random/rng";

export class ClassPicker {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(weights: readonly number[]) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      sum += weights[i]!;
      this.cumulative[i] = sum;
    }
    this.total = sum;
  }

  pick(rng: RandomSource): number {
    const n = this.cumulative.length;
    if (n === 1) return 0; // the common single-class case draws nothing
    const u = rng.nextDouble() * this.total;
    for (let i = 0; i < n - 1; i++) if (u < this.cumulative[i]!) return i;
    return n - 1;
  }
}
