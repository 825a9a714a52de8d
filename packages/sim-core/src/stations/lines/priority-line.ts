/**
 * Non-preemptive priority: the waiting request with the highest `priority` is served next,
 * first come first served within a level. A binary heap ordered by (priority desc, arrival
 * order asc); the order number is stamped on the request when it joins the line.
 */
import type { Request } from "../../workload/request";
import type { WaitingLine } from "./waiting-line";

export class PriorityLine implements WaitingLine {
  size = 0;
  private readonly heap: (Request | null)[] = [];
  private nextSeq = 0;

  push(request: Request): void {
    request.lineSeq = this.nextSeq++;
    let i = this.size++;
    while (i > 0) {
      const parentIndex = (i - 1) >> 1;
      const parent = this.heap[parentIndex]!;
      if (!before(request, parent)) break;
      this.heap[i] = parent;
      i = parentIndex;
    }
    this.heap[i] = request;
  }

  pop(): Request {
    const top = this.heap[0]!;
    const last = this.heap[--this.size]!;
    this.heap[this.size] = null;
    if (this.size > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= this.size) break;
        if (child + 1 < this.size && before(this.heap[child + 1]!, this.heap[child]!)) child++;
        if (!before(this.heap[child]!, last)) break;
        this.heap[i] = this.heap[child]!;
        i = child;
      }
      this.heap[i] = last;
    }
    return top;
  }
}

function before(a: Request, b: Request): boolean {
  return a.priority > b.priority || (a.priority === b.priority && a.lineSeq < b.lineSeq);
}
