/**
 * A global interpreter lock: of one process's threads, only the holder may run interpreter
 * code on a core. A holder that has run for a switch interval while others wait hands the
 * lock to the longest waiter (CPython ≥ 3.2's "new GIL"), so CPU-bound threads of one process
 * share one core's worth of CPU whatever the number of cores. Hand-overs cost nothing here.
 */
import { RingBuffer } from "../queues/ring-buffer";
import type { CpuRule } from "./cpu-rule";
import type { CpuScheduler } from "./cpu-scheduler";
import type { ServerThread } from "./server-thread";

export class Gil implements CpuRule {
  private holder: ServerThread | null = null;
  private readonly waiters = new RingBuffer<ServerThread>();

  constructor(
    private readonly scheduler: CpuScheduler,
    private readonly switchInterval: number,
  ) {}

  start(thread: ServerThread): void {
    if (this.acquire(thread)) this.runSlice(thread);
  }

  ran(thread: ServerThread): boolean {
    if (thread.cpuLeft > 1e-12) {
      // A switch interval has passed: hand the lock over if anyone waits, else run on.
      if (this.waiters.length > 0) {
        const next = this.release()!;
        this.acquire(thread);
        this.runSlice(next);
      } else {
        this.runSlice(thread);
      }
      return false;
    }
    const next = this.release();
    if (next !== null) this.runSlice(next);
    return true;
  }

  private runSlice(thread: ServerThread): void {
    this.scheduler.run(thread, Math.min(thread.cpuLeft, this.switchInterval));
  }

  /** Takes the lock if it is free or already held; otherwise queues and returns false. */
  private acquire(thread: ServerThread): boolean {
    if (this.holder === null || this.holder === thread) {
      this.holder = thread;
      return true;
    }
    this.waiters.push(thread);
    return false;
  }

  /** Drops the lock; returns the waiter that now holds it, if any. */
  private release(): ServerThread | null {
    const next = this.waiters.shift() ?? null;
    this.holder = next;
    return next;
  }
}
