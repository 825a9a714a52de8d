/**
 * A doubly linked list of slots in typed arrays, the queue under LRU, FIFO, SIEVE and S3-FIFO:
 * O(1) push, unlink and move, no object per node. `head` is the newest end, `tail` the oldest.
 */
const NONE = -1;

export class SlotList {
  /** Toward the head (newer). */
  newer = new Int32Array(0);
  /** Toward the tail (older). */
  older = new Int32Array(0);
  private member = new Uint8Array(0);
  head = NONE;
  tail = NONE;
  size = 0;

  grow(slots: number): void {
    if (slots <= this.newer.length) return;
    const newer = new Int32Array(slots);
    const older = new Int32Array(slots);
    const member = new Uint8Array(slots);
    newer.set(this.newer);
    older.set(this.older);
    member.set(this.member);
    this.newer = newer;
    this.older = older;
    this.member = member;
  }

  has(slot: number): boolean {
    return this.member[slot] === 1;
  }

  /** Adds `slot` at the head (newest). */
  push(slot: number): void {
    this.newer[slot] = NONE;
    this.older[slot] = this.head;
    if (this.head !== NONE) this.newer[this.head] = slot;
    else this.tail = slot;
    this.head = slot;
    this.member[slot] = 1;
    this.size++;
  }

  unlink(slot: number): void {
    const newer = this.newer[slot]!;
    const older = this.older[slot]!;
    if (newer !== NONE) this.older[newer] = older;
    else this.head = older;
    if (older !== NONE) this.newer[older] = newer;
    else this.tail = newer;
    this.member[slot] = 0;
    this.size--;
  }

  /** Moves `slot` (already in the list) to the head. */
  toHead(slot: number): void {
    if (this.head === slot) return;
    this.unlink(slot);
    this.push(slot);
  }
}

export { NONE };
