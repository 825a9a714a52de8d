/**
 * The balanced two-phase hyperexponential with a given mean and squared coefficient of
 * variation (scv ≥ 1): phase i is picked with probability p_i and has mean mean/(2·p_i), so
 * each phase contributes half the mean ("balanced means"; Whitt 1982, as in Allen's
 * Probability, Statistics and Queueing Theory).
 */
import type { RandomSource } from "../random/rng";
import type { Sampler } from "./sampler";

export class HyperexponentialSampler implements Sampler {
  readonly mean: number;
  private readonly p1: number;
  private readonly mean1: number;
  private readonly mean2: number;

  constructor(mean: number, scv: number) {
    this.mean = mean;
    this.p1 = (1 + Math.sqrt((scv - 1) / (scv + 1))) / 2;
    this.mean1 = mean / (2 * this.p1);
    this.mean2 = mean / (2 * (1 - this.p1));
  }

  sample(rng: RandomSource): number {
    const phaseMean = rng.nextDouble() < this.p1 ? this.mean1 : this.mean2;
    return -phaseMean * Math.log(1 - rng.nextDouble());
  }
}
