/**
 * A kernel thread as the CPU scheduler sees it: where it may run, where it last ran (for
 * the migration penalty) and how much CPU its current burst still needs.
 */

/** Told when a thread's CPU burst is done; implemented by whoever runs code on the thread. */
export interface CpuClient {
  /** The thread has just run `ran` seconds of useful CPU (one slice). */
  onCpuRan(thread: OsThread, ran: number): void;
  onCpuDone(thread: OsThread, ran: number): void;
}

export class OsThread {
  /** Core the thread last ran on, -1 before it first runs. */
  lastCore = -1;
  /** CPU seconds still to run in the current burst. */
  remaining = 0;
  /** Length of the current burst, reported back when it is done. */
  burst = 0;

  constructor(
    readonly id: number,
    /** Core the thread is pinned to, or -1 when it floats. */
    readonly pinnedCore: number,
    readonly client: CpuClient,
  ) {}
}
