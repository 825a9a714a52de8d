/**
 * A job and the messages that carry it. A job is what the client waits for: one publish of a
 * task. A message is one copy of it in the broker: the first, and one more per retry (Celery
 * publishes a retry as a new message). A message may be delivered many times (a visibility
 * timeout ran out, a worker died holding it) until it is acked or dead-lettered. A publish to an
 * exchange makes one job per queue it reaches: each subscriber's copy lives and ends on its own.
 */

import type { PublishPlan } from "../workload/compiled-step";
import type { Request } from "../workload/request";
import type { QueueTally } from "./queue-tally";

export const MESSAGE_DELAYED = 0;
export const MESSAGE_READY = 1;
export const MESSAGE_IN_FLIGHT = 2;
export const MESSAGE_ACKED = 3;
export const MESSAGE_DEAD = 4;

export class Job {
  /** Retries published so far. */
  retries = 0;
  /** The result is stored (success, or a failure no retry will follow). */
  finished = false;
  succeeded = false;
  /** When the result was stored (valid once finished). */
  resultAt = 0;
  /** Polls (or long polls) its client has sent. */
  polls = 0;
  /** The client still waits to learn the result. */
  waiting = false;
  /** A long poll the API holds for this job, and when its hold ends. */
  held: Request | null = null;
  holdUntil = 0;
  /** The exchange's tally for this queue, when the job is a fan-out copy (null: published to the broker itself). */
  tally: QueueTally | null = null;

  constructor(
    readonly plan: PublishPlan,
    readonly publisher: Request,
    readonly publishedAt: number,
  ) {}
}

export class Message {
  state = MESSAGE_DELAYED;
  /** Deliveries so far (SQS ApproximateReceiveCount). */
  receives = 0;
  /** When its current delivery's visibility timeout runs out. */
  visibleAt = 0;
  /** Executions started from it (more than one: a duplicate). */
  executions = 0;

  constructor(
    readonly job: Job,
    /** When it entered the broker, for its age and retention. */
    readonly sentAt: number,
    /** Its priority level. */
    readonly level: number,
  ) {}
}
