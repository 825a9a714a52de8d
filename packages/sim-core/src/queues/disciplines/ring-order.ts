/** First come first served, or last come first served (non-preemptive), over one ring. */
import type { LineEntry } from "../line-entry";
import { RingBuffer } from "../ring-buffer";
import type { LineOrder } from "./line-order";

export class RingOrder implements LineOrder {
  private readonly ring = new RingBuffer<LineEntry>();

  constructor(private readonly newestFirst: boolean) {}

  get size(): number {
    return this.ring.length;
  }

  push(entry: LineEntry): void {
    this.ring.push(entry);
  }

  pop(): LineEntry {
    return (this.newestFirst ? this.ring.pop() : this.ring.shift())!;
  }
}
