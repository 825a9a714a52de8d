/**
 * A request class's retry policy: how many attempts, which failures are retried, and the backoff
 * between attempts. Defaults follow the AWS SDKs' standard retry mode (3 attempts, exponential
 * backoff from 100 ms with full jitter, capped at 20 s), the common practice Brooker's "Exponential
 * Backoff And Jitter" (AWS Architecture Blog, 2015) argues for.
 */
import { z } from "zod";
import { durationSchema } from "./duration";
import type { RetryPolicy } from "./model";
import { problemText } from "./problem-text";
import { showValue } from "./show-value";

const FAILURES = ["rejected", "reset", "timeout", "limited"] as const;

const backoffSchema = z
  .strictObject({
    base: durationSchema
      .default(0.1)
      .describe("The first retry's backoff, doubling each time. Default 100ms."),
    cap: durationSchema.default(20).describe("The longest backoff. Default 20s."),
    jitter: z
      .enum(["none", "full", "equal", "decorrelated"])
      .default("full")
      .describe(
        'Randomness in each backoff b: "none" sleeps b; "full" (default) a uniform time in [0, b]; "equal" b/2 plus a uniform time in [0, b/2]; "decorrelated" a uniform time in [base, 3 × the previous sleep], capped.',
      ),
  })
  .superRefine((b, ctx) => {
    if (b.cap < b.base) {
      ctx.addIssue({
        code: "custom",
        path: ["cap"],
        message: problemText("scenario.too-small", {
          limit: `at least base (${b.base} s)`,
          got: showValue(b.cap),
        }),
      });
    }
  })
  .describe("The wait before each retry: exponential from `base`, capped at `cap`, with jitter.");

export const retrySchema = z
  .strictObject({
    attempts: z
      .int()
      .min(1)
      .max(100)
      .default(3)
      .describe("Attempts in all, the first included (1 sends once and never retries). Default 3."),
    on: z
      .array(z.enum(FAILURES))
      .min(1)
      .default([...FAILURES])
      .describe(
        'The failures that are retried: "rejected" (503), "reset" (RST), "timeout" (no answer within the class\'s timeout) and "limited" (429, a limiter refused it). Default all four.',
      ),
    backoff: backoffSchema.prefault({}),
    budget: z
      .number()
      .min(0)
      .max(10)
      .optional()
      .describe(
        "A retry budget (Finagle, Envoy): retries may be at most this fraction of the class's requests over the last 10 s, so a failing backend sees at most 1 + budget times the traffic. Absent: no budget.",
      ),
  })
  .transform((r): RetryPolicy => {
    const policy: RetryPolicy = { attempts: r.attempts, on: [...new Set(r.on)], backoff: r.backoff };
    if (r.budget !== undefined) policy.budget = r.budget;
    return policy;
  })
  .describe(
    'The client retries a failed attempt: { "attempts": 3, "on": ["rejected", "timeout"], "backoff": { "base": "100ms", "cap": "2s", "jitter": "full" } }. Each attempt has the class\'s timeout; a timed-out attempt goes on being served.',
  );
