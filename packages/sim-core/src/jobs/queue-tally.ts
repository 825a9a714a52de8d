/**
 * What became of the copies an exchange put in one of its queues: the exchange keeps one tally per
 * queue it reaches, the broker counts into it as each copy's job ends, so that the exchange can
 * report every subscriber apart from whatever else was published to the same broker.
 */
export class QueueTally {
  /** Copies the queue took (a refused or skipped copy is not one). */
  published = 0;
  completed = 0;
  failed = 0;
  deadLettered = 0;
  expired = 0;
  dropped = 0;
  /** Copies the queue refused (its overflow "reject-publish", when full). */
  refused = 0;
  /** Copies not sent because this queue's previous copy from the same step was unfinished (task `overlap` "skip"). */
  skipped = 0;

  reset(): void {
    this.published = 0;
    this.completed = 0;
    this.failed = 0;
    this.deadLettered = 0;
    this.expired = 0;
    this.dropped = 0;
    this.refused = 0;
    this.skipped = 0;
  }
}
