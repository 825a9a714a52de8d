/**
 * Processor sharing with c servers: each of the n requests present is served at rate
 * min(1, c/n). Kept exact with virtual time: V grows at the per-request rate, a request
 * arriving at V₀ with work w finishes when V reaches V₀ + w (its tag), so the next to finish
 * is the smallest tag (a heap) and only one completion event is pending. When n changes, a
 * new completion event is scheduled and the old one goes stale: the kernel has no cancel,
 * so the event kind carries an epoch number and events of an old epoch are ignored.
 */
import type { ComponentContext } from "../component/component";
import { BinaryHeap } from "../queues/binary-heap";
import { TimeWeighted } from "../stats/time-weighted";
import type { Request } from "../workload/request";
import { QueueingStation } from "./queueing-station";

/** Smallest finish tag first; ties in arrival order. */
const byTag = (a: Request, b: Request): boolean => a.tag < b.tag || (a.tag === b.tag && a.tagSeq < b.tagSeq);

export class ProcessorSharingStation extends QueueingStation {
  private readonly heap = new BinaryHeap<Request>(byTag);
  /** The excess over c: the requests beyond one per server. */
  private readonly excess: TimeWeighted;
  private virtualTime = 0;
  private lastUpdate = 0;
  private epoch = 0;
  private nextSeq = 0;

  constructor(name: string, context: ComponentContext, servers: number, capacity: number | undefined) {
    super(name, context, servers, capacity);
    this.excess = new TimeWeighted(context.sim);
  }

  protected get waiting(): TimeWeighted {
    return this.excess;
  }

  protected admit(request: Request): void {
    this.advance();
    request.tag = this.virtualTime + request.work;
    request.tagSeq = this.nextSeq++;
    this.heap.push(request);
    this.levels();
    this.reschedule();
  }

  onEvent(kind: number, _payload: unknown): void {
    if (kind !== this.epoch) return; // stale: the population changed after it was scheduled
    const request = this.heap.pop();
    this.virtualTime = request.tag; // exact, rather than accumulated rounding
    this.lastUpdate = this.sim.now;
    this.levels();
    this.reschedule();
    this.depart(request);
  }

  override startMeasurement(now: number): void {
    super.startMeasurement(now);
    this.excess.reset(now);
  }

  /** Moves virtual time to now at the current per-request rate. */
  private advance(): void {
    const now = this.sim.now;
    if (this.heap.size > 0) this.virtualTime += (now - this.lastUpdate) * this.rate();
    this.lastUpdate = now;
  }

  private rate(): number {
    const count = this.heap.size;
    return count <= this.servers ? 1 : this.servers / count;
  }

  /** Busy servers min(n, c); "waiting" is the excess over c. */
  private levels(): void {
    const count = this.heap.size;
    const busy = Math.min(count, this.servers);
    this.busy.set(busy);
    this.excess.set(count - busy);
  }

  private reschedule(): void {
    this.epoch = (this.epoch + 1) | 0;
    if (this.heap.size === 0) return;
    const delay = (this.heap.peek().tag - this.virtualTime) / this.rate();
    this.sim.schedule(Math.max(delay, 0), this, this.epoch, null);
  }
}
