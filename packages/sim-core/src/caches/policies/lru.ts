/** Least recently used: a read moves the entry to the head; the tail is evicted. */
import type { EvictionPolicy } from "./eviction-policy";
import { SlotList } from "./slot-list";

export class Lru implements EvictionPolicy {
  private readonly list = new SlotList();

  grow(slots: number): void {
    this.list.grow(slots);
  }
  admit(slot: number): void {
    this.list.push(slot);
  }
  touch(slot: number): void {
    this.list.toHead(slot);
  }
  evict(): number {
    const slot = this.list.tail;
    this.list.unlink(slot);
    return slot;
  }
  remove(slot: number): void {
    this.list.unlink(slot);
  }
}
