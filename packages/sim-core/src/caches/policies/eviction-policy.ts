/**
 * The contract every eviction policy keeps, after Caffeine's simulator: a policy records what
 * happens to entries (admitted, read, removed) and, asked to make room, names the entry to evict.
 * The cache owns the entries (key table, expiry, sizes); a policy sees only slot numbers, the
 * dense indices of entries in that table, so its bookkeeping is typed arrays indexed by slot.
 * Every operation is O(1) or O(log n) amortised: no policy scans its entries.
 */
import type { Rng } from "../../random/rng";

export interface EvictionPolicy {
  /** Makes room for slots 0 … slots − 1 (the cache grows its table by doubling). */
  grow(slots: number): void;
  /** A new entry for `key` now lives in `slot`. */
  admit(slot: number, key: number): void;
  /** The entry in `slot` was read (a hit) or rewritten. */
  touch(slot: number): void;
  /** Chooses the entry to evict, forgets it and returns its slot; only called with at least one entry. */
  evict(): number;
  /** Forgets the entry in `slot`: it expired or was invalidated. */
  remove(slot: number): void;
}

/** Builds a policy for a cache of about `capacity` entries (Infinity: unbounded), drawing from `rng` if it needs chance. */
export type PolicyFactory = (capacity: number, rng: Rng) => EvictionPolicy;
