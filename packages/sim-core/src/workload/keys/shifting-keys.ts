/**
 * A working set that moves over time: every `every` seconds the popularity ranks rotate by `by`
 * keys, so the key that was rank r becomes rank r + by (mod keys). The hottest keys of the last
 * period turn cold at once and new ones turn hot: recency-based eviction (LRU) follows, while
 * frequency-based eviction (LFU) keeps the old favourites it counted.
 */
import type { Clock } from "../../kernel/clock";
import type { RandomSource } from "../../random/rng";
import type { KeySampler } from "./key-sampler";

export class ShiftingKeys implements KeySampler {
  readonly keys: number;

  constructor(
    private readonly ranks: KeySampler,
    private readonly every: number,
    private readonly by: number,
    private readonly clock: Clock,
  ) {
    this.keys = ranks.keys;
  }

  sample(rng: RandomSource): number {
    const periods = Math.floor(this.clock.now / this.every);
    // Reduced before multiplying so the offset stays an exact integer however long the run.
    const offset = ((periods % this.keys) * (this.by % this.keys)) % this.keys;
    return (this.ranks.sample(rng) + offset) % this.keys;
  }
}
