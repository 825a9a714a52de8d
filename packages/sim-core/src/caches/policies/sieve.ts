/**
 * SIEVE (Zhang et al., "SIEVE is Simpler than LRU", NSDI 2024): a FIFO queue with one "visited"
 * bit per entry and a hand. A read only sets the bit (no list move, unlike LRU); to evict, the
 * hand walks from where it stopped toward newer entries, clearing set bits, and evicts the first
 * unvisited entry, wrapping to the oldest. New entries go in at the head, behind the hand, so
 * entries that stay are kept without being moved. Amortised O(1): each bit the hand clears was
 * set by one read.
 */
import type { EvictionPolicy } from "./eviction-policy";
import { NONE, SlotList } from "./slot-list";

export class Sieve implements EvictionPolicy {
  private readonly list = new SlotList();
  private visited = new Uint8Array(0);
  private hand = NONE;

  grow(slots: number): void {
    this.list.grow(slots);
    if (slots <= this.visited.length) return;
    const visited = new Uint8Array(slots);
    visited.set(this.visited);
    this.visited = visited;
  }
  admit(slot: number): void {
    this.visited[slot] = 0;
    this.list.push(slot);
  }
  touch(slot: number): void {
    this.visited[slot] = 1;
  }
  evict(): number {
    let slot = this.hand === NONE ? this.list.tail : this.hand;
    while (this.visited[slot] === 1) {
      this.visited[slot] = 0;
      slot = this.list.newer[slot]!;
      if (slot === NONE) slot = this.list.tail;
    }
    this.hand = slot; // remove() moves the hand on to the next newer entry
    this.remove(slot);
    return slot;
  }
  remove(slot: number): void {
    if (this.hand === slot) this.hand = this.list.newer[slot]!;
    this.list.unlink(slot);
  }
}
