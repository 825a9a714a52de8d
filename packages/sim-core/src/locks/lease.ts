/** One grant of a lock: its fencing token, its lease, and its holder's state as the holder sees it. */
import type { Request } from "../workload/request";
import type { LeaseTimeline } from "./lease-timeline";

/** A named lock: who holds it now (by the service's reckoning) and the last token it handed out. */
export class NamedLock {
  /** The lease the service counts as current; null when the lock is free. */
  current: Lease | null = null;
  /** The token of the latest grant of this lock. */
  lastToken = 0;

  constructor(readonly key: number) {}
}

export class Lease {
  /** When the lease runs out unless renewed first. */
  expiresAt: number;
  /** The service let the lease run out (the holder is not told: it still believes it holds the lock). */
  expired = false;
  /** The holder's critical section has ended. */
  released = false;
  /** The holder is paused: it neither works nor renews. */
  paused = false;
  /** A renewal fell due while it was paused: it renews on waking. */
  renewDue = false;
  /** The renewal was refused: the holder stops renewing. */
  renewing = true;
  /** Running time left until its next pause, and work left in the step it is running. */
  pauseIn = Number.POSITIVE_INFINITY;
  workLeft = 0;

  constructor(
    readonly request: Request,
    readonly lock: NamedLock,
    /** The fencing token: larger than every token granted before it. */
    readonly token: number,
    now: number,
    ttl: number,
    /** Where its events are recorded while the run measures, when the scenario asked for a timeline. */
    readonly timeline: LeaseTimeline | null,
  ) {
    this.expiresAt = now + ttl;
  }

  /** Records one of its events, when a timeline is kept. */
  note(at: number, event: Parameters<LeaseTimeline["record"]>[1]): void {
    this.timeline?.record(at, event, this.token, this.request.user);
  }
}
