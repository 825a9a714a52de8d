/**
 * A binary min-heap under a strict order `before(a, b)`: the engine's one heap for things that
 * wait by rank (priority and deadline lines, processor sharing's finish tags). The event calendar
 * keeps its own, specialised to typed arrays, because it is the hottest loop of all.
 */
export class BinaryHeap<T> {
  private readonly items: (T | undefined)[] = [];
  size = 0;

  constructor(private readonly before: (a: T, b: T) => boolean) {}

  /** The first item in the order, without removing it; only called when size > 0. */
  peek(): T {
    return this.items[0]!;
  }

  push(item: T): void {
    const items = this.items;
    let i = this.size++;
    while (i > 0) {
      const parentIndex = (i - 1) >> 1;
      const parent = items[parentIndex]!;
      if (!this.before(item, parent)) break;
      items[i] = parent;
      i = parentIndex;
    }
    items[i] = item;
  }

  /** Removes and returns the first item in the order; only called when size > 0. */
  pop(): T {
    const items = this.items;
    const top = items[0]!;
    const last = items[--this.size]!;
    items[this.size] = undefined;
    if (this.size > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= this.size) break;
        if (child + 1 < this.size && this.before(items[child + 1]!, items[child]!)) child++;
        if (!this.before(items[child]!, last)) break;
        items[i] = items[child]!;
        i = child;
      }
      items[i] = last;
    }
    return top;
  }
}
