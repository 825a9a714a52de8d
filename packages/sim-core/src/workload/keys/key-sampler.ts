/**
 * Request keys: which of `keys` items (a user, a cache key, a shard) a request is about, drawn
 * per request by its class. Hash balancers and caches read `request.key`.
 */
import type { RandomSource } from "../../random/rng";
import type { KeySpec } from "../../scenario/model";
import { UniformKeys } from "./uniform-keys";
import { ZipfKeys } from "./zipf-keys";

export interface KeySampler {
  /** How many distinct keys there are: draws are 0 … keys − 1. */
  readonly keys: number;
  sample(rng: RandomSource): number;
}

export function keySampler(spec: KeySpec): KeySampler {
  return spec.kind === "zipf" ? new ZipfKeys(spec.keys, spec.s) : new UniformKeys(spec.keys);
}
