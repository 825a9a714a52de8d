/** A rate or concurrency limiter as a scenario writes it, in front of a target. */
import { z } from "zod";
import { durationSchema, positiveDurationJson } from "../scenario/duration";
import { problemText } from "../scenario/problem-text";
import { showValue } from "../scenario/show-value";

export const LIMIT_ALGORITHMS = ["token-bucket", "leaky-bucket", "sliding-window", "concurrency"] as const;
export type LimitAlgorithm = (typeof LIMIT_ALGORITHMS)[number];

export interface LimiterComponent {
  type: "limiter";
  algorithm: LimitAlgorithm;
  rate: number; // per second (token and leaky buckets)
  burst: number; // token bucket: its size; leaky bucket: the excess allowed
  nodelay: boolean; // leaky bucket
  limit: number; // sliding window: per window; concurrency: in flight
  window: number; // seconds (sliding window)
  per: "global" | "key" | "client";
  target?: string;
}

// Which algorithms read each field: written with another, a field is a mistake worth naming.
const READ_BY: Record<string, readonly LimitAlgorithm[]> = {
  rate: ["token-bucket", "leaky-bucket"],
  burst: ["token-bucket", "leaky-bucket"],
  nodelay: ["leaky-bucket"],
  limit: ["sliding-window", "concurrency"],
  window: ["sliding-window"],
};
const COMMON = ["type", "algorithm", "per", "target", "outages"];
const DEFAULT_ALGORITHM: LimitAlgorithm = "token-bucket";

export const limiterSchema = z
  .strictObject({
    type: z.literal("limiter"),
    algorithm: z
      .enum(LIMIT_ALGORITHMS)
      .default(DEFAULT_ALGORITHM)
      .describe(
        '"token-bucket" (default): `burst` tokens refilled at `rate`/s, a request without a token refused; "leaky-bucket": NGINX limit_req, requests spaced at 1/`rate` with up to `burst` waiting (`nodelay`: passed at once); "sliding-window": at most `limit` per `window`, by the sliding window counter; "concurrency": at most `limit` in flight.',
      ),
    rate: z
      .number()
      .positive()
      .optional()
      .describe("Requests per second the bucket lets through (token and leaky buckets). Default 100."),
    burst: z
      .number()
      .nonnegative()
      .optional()
      .describe(
        "Token bucket: tokens it holds (default 1, at least 1 to pass anything); leaky bucket: requests that may wait beyond the rate (NGINX burst, default 0).",
      ),
    nodelay: z
      .boolean()
      .optional()
      .describe(
        "Leaky bucket: pass requests within the burst at once instead of spacing them (NGINX nodelay). Default false.",
      ),
    limit: z
      .int()
      .positive()
      .optional()
      .describe("Sliding window: requests per window; concurrency: requests in flight at once. Default 100."),
    window: durationSchema
      .refine((seconds) => seconds > 0, {
        error: (issue) =>
          problemText("scenario.too-small", { limit: "greater than 0", got: showValue(issue.input) }),
      })
      .meta(positiveDurationJson)
      .optional()
      .describe("Sliding window: its length. Default 1s."),
    per: z
      .enum(["global", "key", "client"])
      .default("global")
      .describe(
        'Whose requests share a limit: "global" (default) all of them; "key" each request key its own; "client" each client (a closed workload\'s user, or one of an open workload\'s population).',
      ),
    target: z
      .string()
      .optional()
      .describe("The component the requests it passes go to. Absent: a passed call ends at once."),
  })
  .superRefine((l, ctx) => {
    for (const [field, algorithms] of Object.entries(READ_BY)) {
      if (l[field as keyof typeof l] === undefined || algorithms.includes(l.algorithm)) continue;
      const allowed = [...COMMON, ...Object.keys(READ_BY).filter((f) => READ_BY[f]!.includes(l.algorithm))];
      ctx.addIssue({
        code: "custom",
        path: [field],
        message: problemText("scenario.unknown-key", { key: field, allowed }),
      });
    }
  })
  // The same rule in JSON Schema's words; an absent algorithm is the default one.
  .meta({
    allOf: Object.entries(READ_BY).map(([field, algorithms]) => ({
      if: algorithms.includes(DEFAULT_ALGORITHM)
        ? { properties: { algorithm: { enum: algorithms } } }
        : { properties: { algorithm: { enum: algorithms } }, required: ["algorithm"] },
      else: { not: { required: [field] } },
    })),
  })
  .transform((l): LimiterComponent => {
    const limiter: LimiterComponent = {
      type: "limiter",
      algorithm: l.algorithm,
      rate: l.rate ?? 100,
      burst: l.burst ?? (l.algorithm === "token-bucket" ? 1 : 0),
      nodelay: l.nodelay ?? false,
      limit: l.limit ?? 100,
      window: l.window ?? 1,
      per: l.per,
    };
    if (l.target !== undefined) limiter.target = l.target;
    return limiter;
  })
  .describe(
    'A rate or concurrency limiter in front of `target`; what it refuses fails with HTTP 429, counted in requests.failed.limited: { "type": "limiter", "algorithm": "token-bucket", "rate": 100, "burst": 20, "target": "web" }.',
  );
