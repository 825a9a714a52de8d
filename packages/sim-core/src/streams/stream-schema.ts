/** A partitioned log (Kafka-like): records keyed to partitions, kept for a retention period. */
import { z } from "zod";
import { durationSchema, positiveDurationJson } from "../scenario/duration";
import { problemText } from "../scenario/problem-text";
import { showValue } from "../scenario/show-value";

export interface StreamComponent {
  type: "stream";
  partitions: number;
  retention: number; // seconds
}

// Kafka's defaults: num.partitions 1, log.retention.hours 168 (7 days).
const RETENTION = 7 * 24 * 3600;

export const streamSchema = z
  .strictObject({
    type: z.literal("stream"),
    partitions: z
      .int()
      .positive()
      .max(10_000)
      .default(1)
      .describe("Partitions (Kafka num.partitions). Default 1."),
    retention: durationSchema
      .refine((seconds) => seconds > 0, {
        error: (issue) =>
          problemText("scenario.too-small", { limit: "greater than 0", got: showValue(issue.input) }),
      })
      .meta(positiveDurationJson)
      .default(RETENTION)
      .describe(
        "A record not yet consumed after this long is deleted (Kafka log.retention, default 7 days).",
      ),
  })
  .transform((s): StreamComponent => ({ type: "stream", partitions: s.partitions, retention: s.retention }))
  .describe(
    'A partitioned log: { "type": "stream", "partitions": 6 }. Publish records to it; a record goes to partition key mod partitions (its request class\'s key), or round robin without a key. Consumer groups read it.',
  );
