/**
 * Request keys: which of `keys` items (a user, a cache key, a shard) a request is about, drawn
 * per request by its class. Hash balancers and caches read `request.key`.
 */
import type { Clock } from "../../kernel/clock";
import type { RandomSource } from "../../random/rng";
import type { KeySpec } from "../../scenario/model";
import { ShiftingKeys } from "./shifting-keys";
import { UniformKeys } from "./uniform-keys";
import { ZipfKeys } from "./zipf-keys";

export interface KeySampler {
  /** How many distinct keys there are: draws are 0 … keys − 1. */
  readonly keys: number;
  sample(rng: RandomSource): number;
}

/** The sampler for a class's key; a shifting working set reads the simulated time from `clock`. */
export function keySampler(spec: KeySpec, clock: Clock): KeySampler {
  if (spec.kind === "uniform") return new UniformKeys(spec.keys);
  const ranks = new ZipfKeys(spec.keys, spec.s);
  return spec.shift === undefined ? ranks : new ShiftingKeys(ranks, spec.shift.every, spec.shift.by, clock);
}
