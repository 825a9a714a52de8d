/**
 * The event calendar: a binary min-heap of pending events ordered by (time, insertion
 * sequence), so events at equal times fire in the order they were scheduled and every
 * run is deterministic.
 *
 * Speed: the heap keeps each entry's time, sequence number and slot in parallel typed
 * arrays in heap order, so a comparison reads two adjacent doubles instead of chasing a
 * slot index; handler and payload stay in slot arrays and never move. Freed slots are
 * reused, so scheduling allocates nothing once the arrays have grown to the peak number
 * of pending events.
 */
import type { EventHandler } from "./event-handler";

export class EventCalendar {
  private size = 0;
  // Heap order: entry i has children 2i+1 and 2i+2.
  private heapTimes: Float64Array;
  private heapSeqs: Float64Array; // a double holds sequence numbers exactly up to 2^53
  private heapSlots: Int32Array;
  // Slot order: what the event does, fixed while it is pending.
  private kinds: Int32Array;
  private handlers: (EventHandler | null)[];
  private payloads: unknown[];
  private freeSlots: Int32Array;
  private freeCount = 0;
  private nextSlot = 0;
  private nextSeq = 0;
  /** The event `pop()` removed last: read these right after it, before scheduling anything. */
  poppedTime = 0;
  poppedHandler: EventHandler | null = null;
  poppedKind = 0;
  poppedPayload: unknown = null;

  constructor(initialCapacity = 1024) {
    this.heapTimes = new Float64Array(initialCapacity);
    this.heapSeqs = new Float64Array(initialCapacity);
    this.heapSlots = new Int32Array(initialCapacity);
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
    return this.size === 0 ? Number.POSITIVE_INFINITY : this.heapTimes[0]!;
  }

  push(time: number, handler: EventHandler, kind: number, payload: unknown): void {
    this.pushTime = time;
    this.pushNext(handler, kind, payload);
  }

  /** The time for `pushNext`, set just before calling it. */
  pushTime = 0;

  /**
   * Schedules an event at `pushTime`. The simulation's hot path sets the field and calls this,
   * so no double crosses a call boundary (where V8 would box it into a new heap number).
   */
  pushNext(handler: EventHandler, kind: number, payload: unknown): void {
    const time = this.pushTime;
    const slot = this.allocateSlot();
    this.kinds[slot] = kind;
    this.handlers[slot] = handler;
    this.payloads[slot] = payload;
    if (this.size === this.heapTimes.length) this.growHeap();
    const seq = this.nextSeq++;
    // Sift up: move parents down until the new entry's place is found, then write it once.
    const times = this.heapTimes;
    const seqs = this.heapSeqs;
    const slots = this.heapSlots;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentTime = times[parent]!;
      // A new entry has the largest sequence so far: it goes above a parent only if strictly earlier.
      if (parentTime <= time) break;
      times[i] = parentTime;
      seqs[i] = seqs[parent]!;
      slots[i] = slots[parent]!;
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    slots[i] = slot;
  }

  /**
   * Removes the earliest event (there must be one) and leaves its time, handler, kind and
   * payload in the `popped…` fields — the simulation's hot loop, without a callback. The time
   * goes through a field, not a return value: a double returned from a call that is not
   * inlined is boxed on the heap, one allocation per event.
   */
  pop(): void {
    this.poppedTime = this.heapTimes[0]!;
    const slot = this.heapSlots[0]!;
    this.poppedHandler = this.handlers[slot]!;
    this.poppedKind = this.kinds[slot]!;
    this.poppedPayload = this.payloads[slot];
    this.handlers[slot] = null;
    this.payloads[slot] = null; // drop the reference so finished requests can be collected
    this.freeSlots[this.freeCount++] = slot;
    const last = --this.size;
    if (last > 0) this.siftDownLast(last);
  }

  /** Moves the entry at index `last` into the hole at the root, sifting it down. */
  private siftDownLast(last: number): void {
    const times = this.heapTimes;
    const seqs = this.heapSeqs;
    const slots = this.heapSlots;
    const time = times[last]!;
    const seq = seqs[last]!;
    const slot = slots[last]!;
    const size = last;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      let childTime = times[child]!;
      const right = child + 1;
      if (right < size) {
        const rightTime = times[right]!;
        if (rightTime < childTime || (rightTime === childTime && seqs[right]! < seqs[child]!)) {
          child = right;
          childTime = rightTime;
        }
      }
      if (time < childTime || (time === childTime && seq < seqs[child]!)) break;
      times[i] = childTime;
      seqs[i] = seqs[child]!;
      slots[i] = slots[child]!;
      i = child;
    }
    times[i] = time;
    seqs[i] = seq;
    slots[i] = slot;
  }

  private allocateSlot(): number {
    if (this.freeCount > 0) return this.freeSlots[--this.freeCount]!;
    const slot = this.nextSlot++;
    if (slot === this.kinds.length) {
      const capacity = this.kinds.length * 2;
      this.kinds = grow(this.kinds, capacity);
      this.freeSlots = grow(this.freeSlots, capacity);
      this.handlers.length = capacity;
      this.payloads.length = capacity;
    }
    return slot;
  }

  private growHeap(): void {
    const capacity = this.heapTimes.length * 2;
    this.heapTimes = growFloat(this.heapTimes, capacity);
    this.heapSeqs = growFloat(this.heapSeqs, capacity);
    this.heapSlots = grow(this.heapSlots, capacity);
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
