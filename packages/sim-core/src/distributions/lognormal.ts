/** The lognormal distribution: exp(mu + sigma·Z) with Z standard normal. */
import type { RandomSource } from "../random/rng";
import type { Sampler } from "./sampler";
import { StandardNormal } from "./standard-normal";

export class LognormalSampler implements Sampler {
  readonly mean: number;
  private readonly mu: number;
  private readonly sigma: number;
  private readonly normal = new StandardNormal();

  constructor(mu: number, sigma: number) {
    this.mu = mu;
    this.sigma = sigma;
    this.mean = Math.exp(mu + (sigma * sigma) / 2);
  }

  sample(rng: RandomSource): number {
    return Math.exp(this.mu + this.sigma * this.normal.sample(rng));
  }
}
