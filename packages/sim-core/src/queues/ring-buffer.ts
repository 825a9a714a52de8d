/**
 * A double-ended queue on a growable ring: O(1) push, shift (oldest) and pop (newest), no
 * allocation per item once grown. The one ring buffer of the engine: run queues, event-loop
 * ready queues, the GIL's waiters and the FIFO and LIFO waiting lines all use it.
 */
export class RingBuffer<T> {
  private items: (T | undefined)[] = new Array(16);
  private head = 0;
  length = 0;

  push(item: T): void {
    if (this.length === this.items.length) this.grow();
    // The capacity is a power of two: a mask instead of a modulo.
    this.items[(this.head + this.length) & (this.items.length - 1)] = item;
    this.length++;
  }

  /** Removes and returns the oldest item. */
  shift(): T | undefined {
    if (this.length === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined; // drop the reference: pooled objects must not be kept alive here
    this.head = (this.head + 1) & (this.items.length - 1);
    this.length--;
    return item;
  }

  /** Removes and returns the newest item. */
  pop(): T | undefined {
    if (this.length === 0) return undefined;
    this.length--;
    const at = (this.head + this.length) & (this.items.length - 1);
    const item = this.items[at];
    this.items[at] = undefined;
    return item;
  }

  private grow(): void {
    const mask = this.items.length - 1;
    const grown: (T | undefined)[] = new Array(this.items.length * 2);
    for (let i = 0; i < this.length; i++) grown[i] = this.items[(this.head + i) & mask];
    this.items = grown;
    this.head = 0;
  }
}
