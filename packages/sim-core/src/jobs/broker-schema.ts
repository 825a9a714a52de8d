/** A message broker's fields: a queue of task messages with SQS's visibility timeout and redrive policy. */
import { z } from "zod";
import { durationSchema, positiveDurationJson } from "../scenario/duration";
import { problemText } from "../scenario/problem-text";
import { showValue } from "../scenario/show-value";

export interface BrokerComponent {
  type: "broker";
  visibilityTimeout: number; // seconds
  maxReceives: number; // Infinity: never dead-letter
  priorities: number; // levels; 1 = FIFO
  retention: number; // seconds
  maxLength: number; // ready messages; Infinity: unbounded
  overflow: "drop-head" | "reject-publish";
}

// SQS's defaults: visibility timeout 30 s, retention 4 days; no redrive policy unless set.
const VISIBILITY_TIMEOUT = 30;
const RETENTION = 4 * 24 * 3600;

const positiveDuration = durationSchema
  .refine((seconds) => seconds > 0, {
    error: (issue) =>
      problemText("scenario.too-small", { limit: "greater than 0", got: showValue(issue.input) }),
  })
  .meta(positiveDurationJson);

export const brokerSchema = z
  .strictObject({
    type: z.literal("broker"),
    visibilityTimeout: positiveDuration
      .default(VISIBILITY_TIMEOUT)
      .describe(
        "A delivered message that is not acked within this long becomes visible again and is delivered again (SQS default 30s; Celery's Redis transport: 1h).",
      ),
    maxReceives: z
      .int()
      .positive()
      .optional()
      .describe(
        "Deliveries after which a message goes to the dead-letter queue instead of being delivered again (SQS maxReceiveCount). Default: never.",
      ),
    priorities: z
      .int()
      .positive()
      .max(255)
      .default(1)
      .describe(
        "Priority levels (RabbitMQ x-max-priority): a task's priority 0 … levels − 1, higher delivered first. Default 1: one FIFO.",
      ),
    retention: positiveDuration
      .default(RETENTION)
      .describe(
        "A message not yet delivered after this long is dropped (SQS MessageRetentionPeriod, default 4 days).",
      ),
    maxLength: z
      .int()
      .nonnegative()
      .optional()
      .describe(
        "Most messages waiting for delivery (RabbitMQ x-max-length); then `overflow` applies. Default: unbounded.",
      ),
    overflow: z
      .enum(["drop-head", "reject-publish"])
      .default("drop-head")
      .describe(
        'What a full queue does with one more message (RabbitMQ x-overflow): "drop-head" (default) drops the oldest waiting message; "reject-publish" refuses the publish, and the publishing request fails (503), which its client may retry.',
      ),
  })
  .transform(
    (b): BrokerComponent => ({
      type: "broker",
      visibilityTimeout: b.visibilityTimeout,
      maxReceives: b.maxReceives ?? Number.POSITIVE_INFINITY,
      priorities: b.priorities,
      retention: b.retention,
      maxLength: b.maxLength ?? Number.POSITIVE_INFINITY,
      overflow: b.overflow,
    }),
  )
  .describe(
    'A message broker holding published tasks until workers take them: { "type": "broker", "visibilityTimeout": "30s", "maxReceives": 5 }.',
  );
