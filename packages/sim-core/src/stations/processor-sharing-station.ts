/**
 * Processor sharing with c servers: each of the n requests present is served at rate
 * min(1, c/n). Kept exact with virtual time: V grows at the per-request rate, a request
 * arriving at V₀ with work w finishes when V reaches V₀ + w (its tag), so the next to finish
 * is the smallest tag (a heap) and only one completion event is pending. When n changes, a
 * new completion event is scheduled and the old one goes stale: the kernel has no cancel,
 * so the event kind carries an epoch number and events of an old epoch are ignored.
 */
import type { ComponentContext } from "../run/component";
import type { Request } from "../workload/request";
import { QueueingStation } from "./queueing-station";

export class ProcessorSharingStation extends QueueingStation {
  private readonly heap: (Request | null)[] = [];
  private count = 0;
  private virtualTime = 0;
  private lastUpdate = 0;
  private epoch = 0;
  private nextSeq = 0;

  constructor(name: string, context: ComponentContext, servers: number, capacity: number | undefined) {
    super(name, context, servers, capacity);
  }

  protected admit(request: Request): void {
    this.advance();
    request.tag = this.virtualTime + request.work;
    request.lineSeq = this.nextSeq++;
    this.push(request);
    this.levels();
    this.reschedule();
  }

  onEvent(kind: number, _payload: unknown): void {
    if (kind !== this.epoch) return; // stale: the population changed after it was scheduled
    const request = this.pop();
    this.virtualTime = request.tag; // exact, rather than accumulated rounding
    this.lastUpdate = this.sim.now;
    this.levels();
    this.reschedule();
    this.depart(request);
  }

  /** Moves virtual time to now at the current per-request rate. */
  private advance(): void {
    const now = this.sim.now;
    if (this.count > 0) this.virtualTime += (now - this.lastUpdate) * this.rate();
    this.lastUpdate = now;
  }

  private rate(): number {
    return this.count <= this.servers ? 1 : this.servers / this.count;
  }

  /** Busy servers min(n, c); "waiting" is the excess over c, the requests beyond one per server. */
  private levels(): void {
    const busy = Math.min(this.count, this.servers);
    this.busy.set(busy);
    this.waiting.set(this.count - busy);
  }

  private reschedule(): void {
    this.epoch = (this.epoch + 1) | 0;
    if (this.count === 0) return;
    const delay = (this.heap[0]!.tag - this.virtualTime) / this.rate();
    this.sim.schedule(Math.max(delay, 0), this, this.epoch, null);
  }

  private push(request: Request): void {
    let i = this.count++;
    while (i > 0) {
      const parentIndex = (i - 1) >> 1;
      const parent = this.heap[parentIndex]!;
      if (!before(request, parent)) break;
      this.heap[i] = parent;
      i = parentIndex;
    }
    this.heap[i] = request;
  }

  private pop(): Request {
    const top = this.heap[0]!;
    const last = this.heap[--this.count]!;
    this.heap[this.count] = null;
    if (this.count > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= this.count) break;
        if (child + 1 < this.count && before(this.heap[child + 1]!, this.heap[child]!)) child++;
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
  return a.tag < b.tag || (a.tag === b.tag && a.lineSeq < b.lineSeq);
}
