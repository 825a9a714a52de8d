/** The exponential distribution with a given mean, by inversion. */
import type { RandomSource } from "../random/rng";
import type { Sampler } from "./sampler";

export class ExponentialSampler implements Sampler {
  readonly mean: number;

  constructor(mean: number) {
    this.mean = mean;
  }

  sample(rng: RandomSource): number {
    // 1 - u lies in (0, 1], so the logarithm is finite.
    return -this.mean * Math.log(1 - rng.nextDouble());
  }
}
