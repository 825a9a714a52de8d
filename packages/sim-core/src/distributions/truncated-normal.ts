/** The normal distribution truncated at 0 (durations cannot be negative), by rejection. */
import type { RandomSource } from "../random/rng";
import type { Sampler } from "./sampler";
import { normalCdf, StandardNormal } from "./standard-normal";

export class TruncatedNormalSampler implements Sampler {
  readonly mean: number;
  private readonly mu: number;
  private readonly sd: number;
  private readonly normal = new StandardNormal();

  constructor(mu: number, sd: number) {
    this.mu = mu;
    this.sd = sd;
    if (sd === 0) {
      this.mean = Math.max(mu, 0);
    } else {
      // Mean of N(mu, sd²) conditioned on x > 0: mu + sd·φ(α)/(1 − Φ(α)), α = −mu/sd.
      const alpha = -mu / sd;
      const density = Math.exp((-alpha * alpha) / 2) / Math.sqrt(2 * Math.PI);
      this.mean = mu + (sd * density) / (1 - normalCdf(alpha));
    }
  }

  sample(rng: RandomSource): number {
    if (this.sd === 0) return this.mean;
    for (;;) {
      const x = this.mu + this.sd * this.normal.sample(rng);
      if (x >= 0) return x;
    }
  }
}
