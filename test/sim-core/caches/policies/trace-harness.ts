// One harness drives every eviction policy over the same key trace (Caffeine's simulator shape):
// it keeps the key → slot table a cache would and asks the policy only what the contract offers.
import type { EvictionPolicy } from "../../../../packages/sim-core/src/caches/policies/eviction-policy";

export class TraceHarness {
  readonly slotOf = new Map<number, number>();
  readonly keyOf: number[] = [];
  private readonly free: number[] = [];
  private slots = 0;
  hits = 0;
  misses = 0;
  readonly evicted: number[] = [];

  constructor(
    readonly policy: EvictionPolicy,
    readonly capacity: number,
  ) {}

  /** Reads `key`: a hit touches it, a miss admits it (evicting first when full). */
  access(key: number): boolean {
    const slot = this.slotOf.get(key);
    if (slot !== undefined) {
      this.hits++;
      this.policy.touch(slot);
      return true;
    }
    this.misses++;
    if (this.slotOf.size >= this.capacity) this.evictOne();
    this.admit(key);
    return false;
  }

  evictOne(): number {
    const victim = this.policy.evict();
    const key = this.keyOf[victim]!;
    if (this.slotOf.get(key) !== victim) throw new Error(`evicted slot ${victim} holds no entry`);
    this.slotOf.delete(key);
    this.free.push(victim);
    this.evicted.push(key);
    return key;
  }

  remove(key: number): void {
    const slot = this.slotOf.get(key)!;
    this.policy.remove(slot);
    this.slotOf.delete(key);
    this.free.push(slot);
  }

  get hitRatio(): number {
    return this.hits / (this.hits + this.misses);
  }

  private admit(key: number): void {
    let slot = this.free.pop();
    if (slot === undefined) {
      slot = this.slots++;
      this.policy.grow(this.slots);
    }
    this.keyOf[slot] = key;
    this.slotOf.set(key, slot);
    this.policy.admit(slot, key);
  }
}
