/** A fixed value (a bare duration in a scenario). */
import type { RandomSource } from "../random/rng";
import type { Sampler } from "./sampler";

export class ConstantSampler implements Sampler {
  readonly mean: number;

  constructor(value: number) {
    this.mean = value;
  }

  sample(_rng: RandomSource): number {
    return this.mean;
  }
}
