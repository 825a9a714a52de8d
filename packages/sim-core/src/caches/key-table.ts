/**
 * The entries a cache holds: key → slot, and per slot the entry's key, expiry, size and the
 * figures its miss modes and staleness need, in typed arrays that double when full. Slots are
 * reused through a free stack, so a cache at capacity allocates nothing per store.
 */
export class KeyTable {
  private readonly slotOf = new Map<number, number>();
  key = new Float64Array(0);
  /** When the value stops being fresh (Infinity: never). */
  expiresAt = new Float64Array(0);
  /** How long the fetch that stored it took (XFetch's δ). */
  fetchTime = new Float64Array(0);
  /** When the value next changes at the source (Infinity: never). */
  changesAt = new Float64Array(0);
  bytes = new Float64Array(0);
  private free = new Int32Array(0);
  private freeCount = 0;
  private used = 0;
  /** Entries held. */
  size = 0;

  /** Slots allocated: a policy must have room for this many. */
  get slots(): number {
    return this.key.length;
  }

  find(key: number): number {
    return this.slotOf.get(key) ?? -1;
  }

  /** A slot for a new entry of `key` (the caller fills its fields). */
  add(key: number): number {
    let slot: number;
    if (this.freeCount > 0) slot = this.free[--this.freeCount]!;
    else {
      if (this.used === this.key.length) this.grow(Math.max(16, this.key.length * 2));
      slot = this.used++;
    }
    this.key[slot] = key;
    this.slotOf.set(key, slot);
    this.size++;
    return slot;
  }

  remove(slot: number): void {
    this.slotOf.delete(this.key[slot]!);
    this.free[this.freeCount++] = slot;
    this.size--;
  }

  private grow(slots: number): void {
    const widen = (old: Float64Array): Float64Array<ArrayBuffer> => {
      const next = new Float64Array(slots);
      next.set(old);
      return next;
    };
    this.key = widen(this.key);
    this.expiresAt = widen(this.expiresAt);
    this.fetchTime = widen(this.fetchTime);
    this.changesAt = widen(this.changesAt);
    this.bytes = widen(this.bytes);
    const free = new Int32Array(slots);
    free.set(this.free.subarray(0, this.freeCount));
    this.free = free;
  }
}
