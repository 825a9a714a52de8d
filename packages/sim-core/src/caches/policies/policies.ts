/** The eviction policies by name, as a cache's `policy` names them. */
import type { PolicyFactory } from "./eviction-policy";
import { Fifo } from "./fifo";
import { Lfu } from "./lfu";
import { Lru } from "./lru";
import { RandomEviction } from "./random";
import { S3Fifo } from "./s3-fifo";
import { Sieve } from "./sieve";

export const POLICY_NAMES = ["lru", "lfu", "fifo", "random", "sieve", "s3-fifo"] as const;
export type PolicyName = (typeof POLICY_NAMES)[number];

export const policies: Record<PolicyName, PolicyFactory> = {
  lru: () => new Lru(),
  lfu: () => new Lfu(),
  fifo: () => new Fifo(),
  random: (_capacity, rng) => new RandomEviction(rng),
  sieve: () => new Sieve(),
  "s3-fifo": (capacity) => new S3Fifo(capacity),
};
