/**
 * A request class's hedging and circuit breaking, client-side resilience beside retries. A hedged
 * request sends a second copy when the first has not answered after a delay or a latency quantile
 * (Dean & Barroso, "The Tail at Scale", 2013); a circuit breaker stops sending after repeated
 * failures and probes again later (Nygard, "Release It!").
 */
import { z } from "zod";
import { durationSchema, positiveDurationJson } from "./duration";
import type { CircuitBreakerPolicy, HedgePolicy } from "./model";
import { problemText } from "./problem-text";
import { showValue } from "./show-value";

const positiveDuration = durationSchema
  .refine((seconds) => seconds > 0, {
    error: (issue) =>
      problemText("scenario.too-small", { limit: "greater than 0", got: showValue(issue.input) }),
  })
  .meta(positiveDurationJson);

export const hedgeSchema = z
  .union(
    [
      z
        .strictObject({
          after: positiveDuration.describe("Send the second copy after this long without an answer."),
        })
        .transform((h): HedgePolicy => ({ kind: "after", after: h.after })),
      z
        .strictObject({
          quantile: z
            .number()
            .gt(0)
            .lt(1)
            .describe(
              "Send the second copy once the first has taken longer than this quantile of the class's attempts so far (0.95: its p95).",
            ),
        })
        .transform((h): HedgePolicy => ({ kind: "quantile", quantile: h.quantile })),
    ],
    {
      error: (issue) =>
        problemText("scenario.type", {
          expected: '{ "after": "50ms" } or { "quantile": 0.95 }',
          got: showValue(issue.input),
        }),
    },
  )
  .describe(
    'Hedged requests: { "after": "50ms" } or { "quantile": 0.95 }. The first answer wins; the other copy is still served (reported as wasted).',
  );

export const circuitBreakerSchema = z
  .strictObject({
    failures: z
      .int()
      .min(1)
      .max(10000)
      .default(5)
      .describe("Failed attempts within `window` that open the circuit. Default 5."),
    window: positiveDuration.default(10).describe("How far back failures count. Default 10s."),
    openFor: positiveDuration
      .default(30)
      .describe(
        "How long it stays open (requests fail at once, as rejected) before one probe is let through. Default 30s.",
      ),
  })
  .transform((c): CircuitBreakerPolicy => ({ failures: c.failures, window: c.window, openFor: c.openFor }))
  .describe(
    'A client-side circuit breaker: { "failures": 5, "window": "10s", "openFor": "30s" }. Open, it fails requests at once; half-open, it lets one probe through and closes if it succeeds.',
  );
