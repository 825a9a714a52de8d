/** One process competing for a leader-election lease, as it sees the world. */
export class Candidate {
  alive = true;
  paused = false;
  /** It believes it leads (and acts on it while alive and not paused). */
  leader = false;
  /** The lease record as it last read it, and when (its observedTime: client-go's own clock reading). */
  observedHolder = -1;
  observedRenew = Number.NaN;
  observedTime = Number.NEGATIVE_INFINITY;
  /** When it last renewed successfully, as leader. */
  lastRenew = 0;
  /** The time of its pending try and of its pending pause: events for any other time are stale. */
  nextTry = Number.NaN;
  nextPause = Number.NaN;

  constructor(readonly index: number) {}

  get acting(): boolean {
    return this.alive && !this.paused && this.leader;
  }
}
