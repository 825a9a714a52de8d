/** An empirical distribution: one of the given values, each equally likely. */
import type { RandomSource } from "../random/rng";
import type { Sampler } from "./sampler";

export class EmpiricalSampler implements Sampler {
  readonly mean: number;
  private readonly values: Float64Array;

  constructor(values: readonly number[]) {
    this.values = Float64Array.from(values);
    let sum = 0;
    for (const value of values) sum += value;
    this.mean = values.length > 0 ? sum / values.length : 0;
  }

  sample(rng: RandomSource): number {
    return this.values[Math.floor(rng.nextDouble() * this.values.length)]!;
  }
}
