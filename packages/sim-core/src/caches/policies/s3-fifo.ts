/**
 * S3-FIFO (Yang et al., "FIFO queues are all you need for cache eviction", SOSP 2023): a small
 * FIFO S (10% of the entries) that new keys enter, a main FIFO M, and a ghost FIFO G that remembers
 * the keys (not values) recently dropped from S. A read raises an entry's count (at most 3); no
 * read moves anything. Evicting from S: an entry read more than once moves to M, the others leave
 * and their keys enter G. A key admitted again while in G goes straight to M. Evicting from M:
 * an entry with reads left is reinserted with one fewer, else it leaves. One-hit wonders thus
 * leave after a short stay in S, which is what makes it beat LRU on skewed traffic.
 * Amortised O(1): each move is paid for by a read.
 */
import type { EvictionPolicy } from "./eviction-policy";
import { SlotList } from "./slot-list";

const MAX_COUNT = 3;
const SMALL_SHARE = 0.1;
// The ghost's key ring cannot be sized by an unbounded cache (which never evicts): cap it.
const MAX_GHOST = 1 << 22;

export class S3Fifo implements EvictionPolicy {
  private readonly small = new SlotList();
  private readonly main = new SlotList();
  private count = new Uint8Array(0);
  private keyOf = new Float64Array(0);
  private readonly smallTarget: number;
  /** The ghost: a ring of keys, and each key's latest position in it. */
  private readonly ghostRing: Float64Array;
  private readonly ghostAt = new Map<number, number>();
  private ghostNext = 0;

  constructor(capacity: number) {
    this.smallTarget = Math.max(1, Math.floor(capacity * SMALL_SHARE));
    const ghost = Number.isFinite(capacity) ? Math.max(1, capacity - this.smallTarget) : 0;
    this.ghostRing = new Float64Array(Math.min(ghost, MAX_GHOST));
  }

  grow(slots: number): void {
    this.small.grow(slots);
    this.main.grow(slots);
    if (slots <= this.count.length) return;
    const count = new Uint8Array(slots);
    const keyOf = new Float64Array(slots);
    count.set(this.count);
    keyOf.set(this.keyOf);
    this.count = count;
    this.keyOf = keyOf;
  }

  admit(slot: number, key: number): void {
    this.count[slot] = 0;
    this.keyOf[slot] = key;
    if (this.inGhost(key)) {
      this.ghostAt.delete(key);
      this.main.push(slot);
    } else this.small.push(slot);
  }

  touch(slot: number): void {
    if (this.count[slot]! < MAX_COUNT) this.count[slot]!++;
  }

  evict(): number {
    if (this.small.size >= this.smallTarget || this.main.size === 0) {
      const slot = this.evictSmall();
      if (slot >= 0) return slot;
    }
    return this.evictMain();
  }

  remove(slot: number): void {
    if (this.small.has(slot)) this.small.unlink(slot);
    else this.main.unlink(slot);
  }

  /** Promotes S's tail entries read more than once to M until one leaves; −1 if S emptied. */
  private evictSmall(): number {
    while (this.small.size > 0) {
      const slot = this.small.tail;
      this.small.unlink(slot);
      if (this.count[slot]! > 1) {
        this.count[slot] = 0;
        this.main.push(slot);
        continue;
      }
      this.ghostPush(this.keyOf[slot]!);
      return slot;
    }
    return -1;
  }

  private evictMain(): number {
    for (;;) {
      const slot = this.main.tail;
      if (this.count[slot]! > 0) {
        this.count[slot]!--;
        this.main.toHead(slot);
        continue;
      }
      this.main.unlink(slot);
      return slot;
    }
  }

  private inGhost(key: number): boolean {
    const at = this.ghostAt.get(key);
    return at !== undefined && this.ghostNext - at <= this.ghostRing.length;
  }

  private ghostPush(key: number): void {
    const size = this.ghostRing.length;
    if (size === 0) return;
    const i = this.ghostNext % size;
    if (this.ghostNext >= size) {
      // The key this position held falls out of the ghost, unless it was pushed again since.
      const old = this.ghostRing[i]!;
      if (this.ghostAt.get(old) === this.ghostNext - size) this.ghostAt.delete(old);
    }
    this.ghostRing[i] = key;
    this.ghostAt.set(key, this.ghostNext++);
  }
}
