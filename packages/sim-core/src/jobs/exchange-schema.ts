/** A fanout exchange's fields: the queues (brokers, or other exchanges) each published message is copied to. */
import { z } from "zod";
import { problemText } from "../scenario/problem-text";

export interface ExchangeComponent {
  type: "exchange";
  queues: string[];
}

/**
 * Each publish makes one job per queue reached, so the list is bounded; more subscribers than this
 * on one exchange can still be had by binding exchanges to it.
 */
export const MAX_QUEUES = 100;

const queues = z
  .array(z.string().min(1).describe("A broker (or another exchange) bound to this exchange."))
  .min(1)
  .max(MAX_QUEUES)
  .superRefine((names, ctx) => {
    names.forEach((name, i) => {
      if (names.indexOf(name) !== i)
        ctx.addIssue({
          code: "custom",
          path: [i],
          message: problemText("scenario.duplicate-queue", { name }),
        });
    });
  })
  // The same rule in JSON Schema's words.
  .meta({ uniqueItems: true })
  .describe(
    `The queues bound to the exchange, each getting its own copy of every message published to it (RabbitMQ's fanout exchange, SNS topic → SQS subscriptions): brokers, each consumed by its own workers, or other exchanges (an exchange-to-exchange binding). A queue reached by two paths still gets one copy. Between 1 and ${MAX_QUEUES}, each listed once.`,
  );

export const exchangeSchema = z
  .strictObject({
    type: z.literal("exchange"),
    // Optional here so that every kind parses from { type } alone; the scenario check asks for it (exchange-kind.ts).
    queues: queues.optional(),
  })
  // What the scenario check enforces, stated for JSON Schema: `queues` must be there.
  .meta({ required: ["type", "queues"] })
  .transform((e): ExchangeComponent => ({ type: "exchange", queues: e.queues ?? [] }))
  .describe(
    'A fanout exchange: { "type": "exchange", "queues": ["email", "audit"] }. A task published to it is copied into every bound broker; each copy is queued, delivered, retried and dead-lettered by its own broker and run by that broker\'s workers, so one slow or failing subscriber backs up only its own queue. The publisher does not wait for any of them (a publish to an exchange is fire and forget).',
  );
