/** First come first served, and last come first served (non-preemptive), over one ring each. */
import { RingBuffer } from "../ring-buffer";
import type { LineOrder, Ranked } from "./line-order";

// Two classes rather than one with a flag: the pop is on every departure of every station.

export class FifoOrder<T extends Ranked> extends RingBuffer<T> implements LineOrder<T> {
  get size(): number {
    return this.length;
  }

  override pop(): T {
    return this.shift()!;
  }
}

export class LifoOrder<T extends Ranked> extends RingBuffer<T> implements LineOrder<T> {
  get size(): number {
    return this.length;
  }

  override pop(): T {
    return super.pop()!;
  }
}
