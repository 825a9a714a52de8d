/** The Pareto (type I) distribution: values ≥ scale, tail index `shape`; by inversion. */
import type { RandomSource } from "../random/rng";
import type { Sampler } from "./sampler";

export class ParetoSampler implements Sampler {
  readonly mean: number;
  private readonly scale: number;
  private readonly inverseShape: number;

  constructor(scale: number, shape: number) {
    this.scale = scale;
    this.inverseShape = 1 / shape;
    this.mean = shape > 1 ? (shape * scale) / (shape - 1) : Number.POSITIVE_INFINITY;
  }

  sample(rng: RandomSource): number {
    return this.scale / (1 - rng.nextDouble()) ** this.inverseShape;
  }
}
