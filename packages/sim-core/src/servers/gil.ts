/**
 * A global interpreter lock: of one process's threads, only the holder may run
 * interpreter code on a core. A holder that has run for a switch interval while others
 * wait hands the lock to the longest waiter (CPython ≥ 3.2's "new GIL"), so CPU-bound
 * threads of one process share one core's worth of CPU whatever the number of cores.
 */
import { Fifo } from "./fifo";
import type { OsThread } from "./os-thread";

export class Gil {
  holder: OsThread | null = null;
  private readonly waiters = new Fifo<OsThread>();
  /** Hand-overs from one thread to another, for the result. */
  handovers = 0;

  constructor(readonly switchInterval: number) {}

  /** Takes the lock if it is free or already held; otherwise queues and returns false. */
  acquire(thread: OsThread): boolean {
    if (this.holder === null || this.holder === thread) {
      this.holder = thread;
      return true;
    }
    this.waiters.push(thread);
    return false;
  }

  get contended(): boolean {
    return this.waiters.length > 0;
  }

  /** Drops the lock; returns the waiter that now holds it, if any. */
  release(): OsThread | null {
    const next = this.waiters.shift() ?? null;
    if (next !== null) this.handovers++;
    this.holder = next;
    return next;
  }
}
