/** A first-in first-out queue on a growable ring: O(1) push and shift, no per-item allocation. */
export class Fifo<T> {
  private items: (T | undefined)[] = new Array(16);
  private head = 0;
  length = 0;

  push(item: T): void {
    if (this.length === this.items.length) {
      const grown: (T | undefined)[] = new Array(this.items.length * 2);
      for (let i = 0; i < this.length; i++) grown[i] = this.items[(this.head + i) % this.items.length];
      this.items = grown;
      this.head = 0;
    }
    this.items[(this.head + this.length) % this.items.length] = item;
    this.length++;
  }

  shift(): T | undefined {
    if (this.length === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined; // release the reference
    this.head = (this.head + 1) % this.items.length;
    this.length--;
    return item;
  }

  /** Removes the newest item. */
  pop(): T | undefined {
    if (this.length === 0) return undefined;
    this.length--;
    const at = (this.head + this.length) % this.items.length;
    const item = this.items[at];
    this.items[at] = undefined;
    return item;
  }

  peek(): T | undefined {
    return this.length === 0 ? undefined : this.items[this.head];
  }
}
