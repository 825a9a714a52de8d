/**
 * What a compiled distribution is: an object that draws one value from a random source,
 * allocating nothing, and knows its exact mean (used for run-length estimates and tests).
 */
import type { RandomSource } from "../random/rng";

export interface Sampler {
  readonly mean: number;
  sample(rng: RandomSource): number;
}
