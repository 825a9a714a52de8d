/**
 * How a process's threads get onto the CPU: freely (each runnable thread goes to the OS run
 * queue), or through a global interpreter lock (gil.ts). The server asks its process's rule
 * to start a thread's CPU burst and tells it each time the scheduler has run one.
 */
import type { CpuScheduler } from "./cpu-scheduler";
import type { ServerThread } from "./server-thread";

export interface CpuRule {
  /** The thread needs `thread.cpuLeft` seconds of CPU. */
  start(thread: ServerThread): void;
  /** The scheduler ran what it was given and `cpuLeft` was reduced by it; true when the burst is over. */
  ran(thread: ServerThread): boolean;
}

/** No interpreter lock: a burst runs whole on the OS scheduler. */
export class FreeCpu implements CpuRule {
  constructor(private readonly scheduler: CpuScheduler) {}

  start(thread: ServerThread): void {
    this.scheduler.run(thread, thread.cpuLeft);
  }

  ran(_thread: ServerThread): boolean {
    return true;
  }
}
