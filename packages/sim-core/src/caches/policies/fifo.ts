/** First in, first out: reads change nothing; the oldest entry is evicted. */
import type { EvictionPolicy } from "./eviction-policy";
import { SlotList } from "./slot-list";

export class Fifo implements EvictionPolicy {
  private readonly list = new SlotList();

  grow(slots: number): void {
    this.list.grow(slots);
  }
  admit(slot: number): void {
    this.list.push(slot);
  }
  touch(_slot: number): void {}
  evict(): number {
    const slot = this.list.tail;
    this.list.unlink(slot);
    return slot;
  }
  remove(slot: number): void {
    this.list.unlink(slot);
  }
}
