/** Random eviction: any entry, equally likely (Redis's allkeys-random), kept in a dense array for O(1) picks. */
import type { Rng } from "../../random/rng";
import type { EvictionPolicy } from "./eviction-policy";

export class RandomEviction implements EvictionPolicy {
  private slots = new Int32Array(0);
  private position = new Int32Array(0);
  private size = 0;

  constructor(private readonly rng: Rng) {}

  grow(slots: number): void {
    if (slots <= this.slots.length) return;
    const dense = new Int32Array(slots);
    const position = new Int32Array(slots);
    dense.set(this.slots);
    position.set(this.position);
    this.slots = dense;
    this.position = position;
  }
  admit(slot: number): void {
    this.slots[this.size] = slot;
    this.position[slot] = this.size++;
  }
  touch(_slot: number): void {}
  evict(): number {
    const slot = this.slots[Math.floor(this.rng.nextDouble() * this.size)]!;
    this.remove(slot);
    return slot;
  }
  remove(slot: number): void {
    // Swap with the last so the array stays dense.
    const at = this.position[slot]!;
    const last = this.slots[--this.size]!;
    this.slots[at] = last;
    this.position[last] = at;
  }
}
