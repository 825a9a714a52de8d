/** First come, first served: a growable ring buffer (no shifting of arrays). */
import type { Request } from "../../workload/request";
import type { WaitingLine } from "./waiting-line";

export class FifoLine implements WaitingLine {
  size = 0;
  private items: (Request | null)[] = new Array(64).fill(null);
  private head = 0;

  push(request: Request): void {
    if (this.size === this.items.length) this.grow();
    this.items[(this.head + this.size) & (this.items.length - 1)] = request;
    this.size++;
  }

  pop(): Request {
    const request = this.items[this.head]!;
    this.items[this.head] = null; // let a pooled request's slot be reused without a stale reference
    this.head = (this.head + 1) & (this.items.length - 1); // capacity is a power of two: mask, not modulo
    this.size--;
    return request;
  }

  private grow(): void {
    const next: (Request | null)[] = new Array(this.items.length * 2).fill(null);
    for (let i = 0; i < this.size; i++) next[i] = this.items[(this.head + i) & (this.items.length - 1)]!;
    this.items = next;
    this.head = 0;
  }
}
