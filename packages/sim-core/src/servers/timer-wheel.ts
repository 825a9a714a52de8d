/**
 * The Linux kernel's timer wheel (kernel/time/timer.c), for TCP's retransmission timers. A
 * timeout is counted in ticks (jiffies, 1/HZ s), and the wheel files a timer in one of its levels
 * by how far away it is: level n has a granularity of 8^n ticks, and a timer fires at the next
 * boundary of its level's granularity after its expiry (calc_index: "Round up with level
 * granularity", so never early). At HZ 250 that is 4 ms for timeouts up to 252 ms, 32 ms up to
 * 2 s, 256 ms up to 16 s, 2 s up to 2 min.
 *
 * Timers due at one tick run together, in the order __run_timers takes them: level by level from
 * the finest (collect_expired_timers), and within a level's bucket the most recently armed first
 * (enqueue_timer adds at the head of the bucket's list). When many connections retransmit, their
 * packets therefore reach a listener in clumps, in that order.
 */
import type { EventHandler } from "../kernel/event-handler";
import type { Simulation } from "../kernel/simulation";

/** LVL_CLK_SHIFT: each level's granularity is 8 times the one below. */
const LEVEL_SHIFT = 3;
/** LVL_BITS: 64 buckets a level. */
const LEVEL_SIZE = 64;
/** LVL_DEPTH for HZ > 100. */
const LEVELS = 9;

/** LVL_START(n): the smallest timeout, in ticks, filed in level n (n ≥ 1). */
function levelStart(level: number): number {
  return (LEVEL_SIZE - 1) * 2 ** ((level - 1) * LEVEL_SHIFT);
}

/** The level a timer of `timeout` ticks is filed in (calc_wheel_index). */
export function wheelLevel(timeout: number): number {
  let level = 0;
  while (level < LEVELS - 1 && timeout >= levelStart(level + 1)) level++;
  return level;
}

/** The tick at which a timer armed at tick `now` for `timeout` ticks fires. */
export function wheelExpiry(now: number, timeout: number): number {
  const granularity = 2 ** (wheelLevel(timeout) * LEVEL_SHIFT);
  return (Math.floor((now + timeout) / granularity) + 1) * granularity;
}

/** Told when one of its timers fires. */
export interface TimerOwner {
  onTimer(kind: number, payload: unknown): void;
}

/** The timers due at one tick, by level, each level in the order armed. */
class Bucket {
  readonly kinds: number[][] = [];
  readonly payloads: unknown[][] = [];
  constructor(readonly tick: number) {}
}

export class TimerWheel implements EventHandler {
  private readonly buckets = new Map<number, Bucket>();

  constructor(
    private readonly sim: Simulation,
    private readonly hz: number,
    private readonly owner: TimerOwner,
  ) {}

  /** The current tick (the clock starts at tick 0). */
  get now(): number {
    // The epsilon keeps a time computed as k / hz on tick k despite rounding.
    return Math.floor(this.sim.now * this.hz + 1e-7);
  }

  /** Arms a timer for `timeout` ticks from now. */
  arm(timeout: number, kind: number, payload: unknown): void {
    const tick = wheelExpiry(this.now, timeout);
    let bucket = this.buckets.get(tick);
    if (bucket === undefined) {
      bucket = new Bucket(tick);
      this.buckets.set(tick, bucket);
      this.sim.scheduleAt(tick / this.hz, this, 0, bucket);
    }
    const level = wheelLevel(timeout);
    while (bucket.kinds.length <= level) {
      bucket.kinds.push([]);
      bucket.payloads.push([]);
    }
    bucket.kinds[level]!.push(kind);
    bucket.payloads[level]!.push(payload);
  }

  onEvent(_kind: number, payload: unknown): void {
    const bucket = payload as Bucket;
    this.buckets.delete(bucket.tick);
    for (let level = 0; level < bucket.kinds.length; level++) {
      const kinds = bucket.kinds[level]!;
      const payloads = bucket.payloads[level]!;
      for (let i = kinds.length - 1; i >= 0; i--) this.owner.onTimer(kinds[i]!, payloads[i]);
    }
  }
}
