/**
 * Least frequently used: evicts the entry read fewest times since it was admitted, the least
 * recently used among equals. An indexed binary min-heap on (count, last use): O(log n) per
 * operation. Counts are not aged, so keys that were hot once stay (LFU's known weakness when
 * popularity shifts).
 */
import type { EvictionPolicy } from "./eviction-policy";

export class Lfu implements EvictionPolicy {
  private heap = new Int32Array(0);
  private position = new Int32Array(0);
  private count = new Float64Array(0);
  private stamp = new Float64Array(0);
  private size = 0;
  private clock = 0;

  grow(slots: number): void {
    if (slots <= this.heap.length) return;
    const heap = new Int32Array(slots);
    const position = new Int32Array(slots);
    const count = new Float64Array(slots);
    const stamp = new Float64Array(slots);
    heap.set(this.heap);
    position.set(this.position);
    count.set(this.count);
    stamp.set(this.stamp);
    this.heap = heap;
    this.position = position;
    this.count = count;
    this.stamp = stamp;
  }
  admit(slot: number): void {
    this.count[slot] = 1;
    this.stamp[slot] = ++this.clock;
    this.heap[this.size] = slot;
    this.position[slot] = this.size++;
    this.up(this.size - 1);
  }
  touch(slot: number): void {
    this.count[slot]!++;
    this.stamp[slot] = ++this.clock;
    this.down(this.position[slot]!); // a larger key only sinks
  }
  evict(): number {
    const slot = this.heap[0]!;
    this.remove(slot);
    return slot;
  }
  remove(slot: number): void {
    const at = this.position[slot]!;
    const last = this.heap[--this.size]!;
    if (at === this.size) return;
    this.heap[at] = last;
    this.position[last] = at;
    this.up(at);
    this.down(this.position[last]!);
  }

  private less(a: number, b: number): boolean {
    const ca = this.count[a]!;
    const cb = this.count[b]!;
    return ca < cb || (ca === cb && this.stamp[a]! < this.stamp[b]!);
  }

  private up(at: number): void {
    const heap = this.heap;
    const slot = heap[at]!;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.less(slot, heap[parent]!)) break;
      heap[at] = heap[parent]!;
      this.position[heap[at]!] = at;
      at = parent;
    }
    heap[at] = slot;
    this.position[slot] = at;
  }

  private down(at: number): void {
    const heap = this.heap;
    const slot = heap[at]!;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.less(heap[child + 1]!, heap[child]!)) child++;
      if (!this.less(heap[child]!, slot)) break;
      heap[at] = heap[child]!;
      this.position[heap[at]!] = at;
      at = child;
    }
    heap[at] = slot;
    this.position[slot] = at;
  }
}
