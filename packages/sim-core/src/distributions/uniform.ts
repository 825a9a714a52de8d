/** The continuous uniform distribution on [min, max). */
import type { RandomSource } from "../random/rng";
import type { Sampler } from "./sampler";

export class UniformSampler implements Sampler {
  readonly mean: number;
  private readonly min: number;
  private readonly width: number;

  constructor(min: number, max: number) {
    this.min = min;
    this.width = max - min;
    this.mean = (min + max) / 2;
  }

  sample(rng: RandomSource): number {
    return this.min + this.width * rng.nextDouble();
  }
}
