/** Every key equally likely. */
import type { RandomSource } from "../../random/rng";
import type { KeySampler } from "./key-sampler";

export class UniformKeys implements KeySampler {
  constructor(readonly keys: number) {}

  sample(rng: RandomSource): number {
    return Math.floor(rng.nextDouble() * this.keys);
  }
}
