/** A consumer group reading a stream: at most one consumer per partition, a pause at every rebalance. */
import { z } from "zod";
import { durationSchema } from "../scenario/duration";

export interface ConsumerGroupComponent {
  type: "consumer-group";
  stream?: string; // absent: the scenario's only stream
  consumers: number;
  rebalance: number; // seconds
  changes: { at: number; consumers: number }[];
}

// A rebalance of the classic (eager) protocol stops the whole group for a few seconds.
const REBALANCE = 3;

/** Each consumer has its own slot in the group's arrays: a bound keeps a typo from exhausting memory. */
const MAX_CONSUMERS = 10_000;

export const consumerGroupSchema = z
  .strictObject({
    type: z.literal("consumer-group"),
    stream: z
      .string()
      .min(1)
      .optional()
      .describe(
        "The stream the group reads (a key of `components`). Default: the scenario's stream, when it has exactly one.",
      ),
    consumers: z
      .int()
      .positive()
      .max(MAX_CONSUMERS)
      .default(1)
      .describe(
        "Consumers, each handling one record at a time from the partitions assigned to it. Default 1.",
      ),
    rebalance: durationSchema
      .default(REBALANCE)
      .describe(
        "How long the whole group stops when a consumer joins or leaves (an eager rebalance). Default 3s.",
      ),
    changes: z
      .array(
        z
          .strictObject({
            at: durationSchema.describe("When, in simulated time from the start of the run."),
            consumers: z.int().positive().max(MAX_CONSUMERS).describe("The group's consumers from then on."),
          })
          .describe('A consumer joining or leaving: { "at": "300s", "consumers": 4 }.'),
      )
      .default([])
      .describe("Changes to the number of consumers over the run, each followed by a rebalance."),
  })
  .transform((g): ConsumerGroupComponent => ({ ...g }))
  .describe(
    'A consumer group: { "type": "consumer-group", "stream": "events", "consumers": 3 }. Partitions are shared out among consumers (partition p to consumer p mod consumers); consumers beyond the partitions idle. Each record runs the publish step\'s task steps.',
  );
