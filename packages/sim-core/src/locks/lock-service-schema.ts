/** A lock service with leases (Chubby, etcd, ZooKeeper, Redis locks) as a scenario writes it. */
import { z } from "zod";
import { durationSchema } from "../scenario/duration";
import { positiveDurationSchema } from "../scenario/positive-duration";
import { type PauseSpec, pausesSchema } from "./pauses";

/**
 * A call carrying steps to the lock service acquires a lock (one per request key; one lock when
 * the class draws no key), runs the steps as its critical section, and releases the lock when
 * they end. The lease lasts `ttl` and the holder renews it every `renew`; a lease not renewed in
 * time expires and the lock goes to the next waiter, whatever the old holder believes.
 */
export interface LockServiceComponent {
  type: "lock-service";
  ttl: number; // seconds
  renew: number; // seconds between the holder's renewals
  queue?: number; // waiters per lock; absent: unbounded
  wait?: number; // longest wait for the lock; absent: forever
  pauses?: PauseSpec;
  timeline?: number; // record this many events of the measured part
}

// etcd's and Redisson's lock clients renew at a third of the lease (Redisson: lockWatchdogTimeout / 3).
const RENEW_FRACTION = 1 / 3;
const DEFAULT_TTL = 10;

export const lockServiceSchema = z
  .strictObject({
    type: z.literal("lock-service"),
    ttl: positiveDurationSchema.optional().describe("How long a lease lasts unless renewed. Default 10s."),
    renew: positiveDurationSchema
      .optional()
      .describe(
        "How often a holder renews its lease (each renewal makes it last `ttl` from then). Default: ttl / 3.",
      ),
    queue: z
      .int()
      .nonnegative()
      .optional()
      .describe(
        "Callers that may wait for a held lock; one more is refused (0: try-lock, refuse at once). Default: unbounded.",
      ),
    wait: durationSchema
      .optional()
      .describe("Longest wait for the lock before the caller is refused. Default: forever."),
    pauses: pausesSchema
      .optional()
      .describe(
        "Pauses of the holders while they work in the critical section (their io and cpu steps): a paused holder neither works nor renews.",
      ),
    timeline: z
      .int()
      .positive()
      .optional()
      .describe(
        "Record the first this many lease events of the measured part (grants, pauses, wakes, expiries, releases, writes) in the result's `timeline`, for a chart. Default: none.",
      ),
  })
  .transform((s): LockServiceComponent => {
    const ttl = s.ttl ?? DEFAULT_TTL;
    const service: LockServiceComponent = {
      type: "lock-service",
      ttl,
      renew: s.renew ?? ttl * RENEW_FRACTION,
    };
    if (s.queue !== undefined) service.queue = s.queue;
    if (s.wait !== undefined) service.wait = s.wait;
    if (s.pauses !== undefined) service.pauses = s.pauses;
    if (s.timeline !== undefined) service.timeline = s.timeline;
    return service;
  })
  .describe(
    'A lock service with leases: { "type": "lock-service", "ttl": "10s" }. Call it with steps: they run holding the lock, which is released when they end.',
  );
