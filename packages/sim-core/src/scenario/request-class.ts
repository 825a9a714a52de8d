/** A request class: a named kind of request, its share of arrivals, its priority and its steps. */
import { z } from "zod";
import { durationSchema, positiveDurationJson } from "./duration";
import { circuitBreakerSchema, hedgeSchema } from "./hedge";
import { keySchema } from "./key";
import type { RequestClass } from "./model";
import { problemText } from "./problem-text";
import { retrySchema } from "./retry";
import { showValue } from "./show-value";
import { stepSchema } from "./steps";

export const requestClassSchema = z
  .strictObject({
    name: z.string().min(1).describe("Name of the class; results are reported per class under this name."),
    weight: z
      .number()
      .positive()
      .default(1)
      .describe("Share of arrivals (or of a client's requests) relative to the other classes. Default 1."),
    priority: z
      .number()
      .default(0)
      .describe(
        'Higher is served first at a station with discipline "priority" (non-preemptive). Default 0.',
      ),
    timeout: durationSchema
      .refine((seconds) => seconds > 0, {
        error: (issue) =>
          problemText("scenario.too-small", { limit: "greater than 0", got: showValue(issue.input) }),
      })
      .meta(positiveDurationJson)
      .optional()
      .describe(
        "The client gives up on an attempt after this long and counts it as timed out (the server does not learn, and goes on). Default: never.",
      ),
    retry: retrySchema.optional(),
    hedge: hedgeSchema.optional(),
    circuitBreaker: circuitBreakerSchema.optional(),
    key: keySchema.optional(),
    write: z
      .boolean()
      .default(false)
      .describe(
        "Its requests write the key they are about: a cache they call passes them to its target and invalidates the key (or writes it through, per the cache's onWrite). Default false.",
      ),
    steps: z.array(stepSchema).min(1).describe("What the request does, in order."),
  })
  .transform((r): RequestClass => {
    const request: RequestClass = { name: r.name, weight: r.weight, priority: r.priority, steps: r.steps };
    if (r.timeout !== undefined) request.timeout = r.timeout;
    if (r.retry !== undefined) request.retry = r.retry;
    if (r.hedge !== undefined) request.hedge = r.hedge;
    if (r.circuitBreaker !== undefined) request.circuitBreaker = r.circuitBreaker;
    if (r.key !== undefined) request.key = r.key;
    if (r.write) request.write = true;
    return request;
  })
  .describe("A kind of request.");
