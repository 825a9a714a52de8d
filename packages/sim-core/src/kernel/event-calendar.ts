/**
 * The event calendar: a binary min-heap of pending events ordered by (time, insertion
 * sequence), so events at equal times fire in the order they were scheduled and every
 * run is deterministic.
 *
 * Speed: the heap holds slot numbers (Int32Array) and each event's fields live in
 * parallel slot arrays, so sifting moves one int instead of an object, and freed slots
 * are reused — scheduling allocates nothing once the arrays have grown to the peak
 * number of pending events.
 */
import type { EventHandler } from "./event-handler";

export class EventCalendar {
  private heap: Int32Array;
  private size = 0;
  private times: Float64Array;
  private seqs: Float64Array; // a double holds sequence numbers exactly up to 2^53
  private kinds: Int32Array;
  private handlers: (EventHandler | null)[];
  private payloads: unknown[];
  private freeSlots: Int32Array;
  private freeCount = 0;
  private nextSlot = 0;
  private nextSeq = 0;

  constructor(initialCapacity = 1024) {
    this.heap = new Int32Array(initialCapacity);
    this.times = new Float64Array(initialCapacity);
    this.seqs = new Float64Array(initialCapacity);
    this.kinds = new Int32Array(initialCapacity);
    this.handlers = new Array(initialCapacity).fill(null);
    this.payloads = new Array(initialCapacity).fill(null);
    this.freeSlots = new Int32Array(initialCapacity);
  }

  get pending(): number {
    return this.size;
  }

  /** Time of the earliest pending event, or Infinity when none is pending. */
  peekTime(): number {
    return this.size === 0 ? Number.POSITIVE_INFINITY : this.times[this.heap[0]!]!;
  }

  push(time: number, handler: EventHandler, kind: number, payload: unknown): void {
    const slot = this.allocateSlot();
    this.times[slot] = time;
    this.seqs[slot] = this.nextSeq++;
    this.kinds[slot] = kind;
    this.handlers[slot] = handler;
    this.payloads[slot] = payload;
    if (this.size === this.heap.length) this.heap = grow(this.heap, this.heap.length * 2);
    this.siftUp(this.size++, slot);
  }

  /**
   * Removes the earliest event and hands it to `visit`; returns false when none is pending.
   * The event's fields are read before the slot is freed, so `visit` may schedule freely.
   */
  popInto(visit: (time: number, handler: EventHandler, kind: number, payload: unknown) => void): boolean {
    if (this.size === 0) return false;
    const slot = this.heap[0]!;
    const time = this.times[slot]!;
    const handler = this.handlers[slot]!;
    const kind = this.kinds[slot]!;
    const payload = this.payloads[slot];
    this.handlers[slot] = null;
    this.payloads[slot] = null; // drop the reference so finished requests can be collected
    this.freeSlots[this.freeCount++] = slot;
    const last = this.heap[--this.size]!;
    if (this.size > 0) this.siftDown(0, last);
    visit(time, handler, kind, payload);
    return true;
  }

  private allocateSlot(): number {
    if (this.freeCount > 0) return this.freeSlots[--this.freeCount]!;
    const slot = this.nextSlot++;
    if (slot === this.times.length) {
      const capacity = this.times.length * 2;
      this.times = growFloat(this.times, capacity);
      this.seqs = growFloat(this.seqs, capacity);
      this.kinds = grow(this.kinds, capacity);
      this.freeSlots = grow(this.freeSlots, capacity);
      this.handlers.length = capacity;
      this.payloads.length = capacity;
    }
    return slot;
  }

  private before(a: number, b: number): boolean {
    const ta = this.times[a]!;
    const tb = this.times[b]!;
    return ta < tb || (ta === tb && this.seqs[a]! < this.seqs[b]!);
  }

  private siftUp(index: number, slot: number): void {
    const heap = this.heap;
    let i = index;
    while (i > 0) {
      const parentIndex = (i - 1) >> 1;
      const parent = heap[parentIndex]!;
      if (!this.before(slot, parent)) break;
      heap[i] = parent;
      i = parentIndex;
    }
    heap[i] = slot;
  }

  private siftDown(index: number, slot: number): void {
    const heap = this.heap;
    const size = this.size;
    let i = index;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      const right = child + 1;
      if (right < size && this.before(heap[right]!, heap[child]!)) child = right;
      if (!this.before(heap[child]!, slot)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = slot;
  }
}

function grow(array: Int32Array, capacity: number): Int32Array {
  const next = new Int32Array(capacity);
  next.set(array);
  return next;
}

function growFloat(array: Float64Array, capacity: number): Float64Array {
  const next = new Float64Array(capacity);
  next.set(array);
  return next;
}
