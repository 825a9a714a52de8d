/** The Erlang distribution: the sum of k exponentials, with the given overall mean. */
import type { RandomSource } from "../random/rng";
import type { Sampler } from "./sampler";

export class ErlangSampler implements Sampler {
  readonly mean: number;
  private readonly k: number;
  private readonly phaseMean: number;

  constructor(k: number, mean: number) {
    this.k = k;
    this.mean = mean;
    this.phaseMean = mean / k;
  }

  sample(rng: RandomSource): number {
    // A sum of logarithms rather than the log of a product: the product underflows for large k.
    let sum = 0;
    for (let i = 0; i < this.k; i++) sum -= Math.log(1 - rng.nextDouble());
    return this.phaseMean * sum;
  }
}
