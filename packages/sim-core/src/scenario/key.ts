/** A request class's key: which of `keys` items each request is about, uniform or Zipf-popular. */
import { z } from "zod";
import { durationSchema, positiveDurationJson } from "./duration";
import type { KeySpec } from "./model";
import { problemText } from "./problem-text";
import { showValue } from "./show-value";

// Beyond a billion keys a double's uniform draw no longer reaches every key evenly.
const MAX_KEYS = 1_000_000_000;

const keys = z
  .int()
  .min(1)
  .max(MAX_KEYS)
  .describe("How many distinct keys there are (0 … keys − 1), at most 1,000,000,000.");

const zipf = z
  .strictObject({
    zipf: z
      .strictObject({
        keys,
        s: z
          .number()
          .min(0)
          .max(10)
          .describe(
            "The exponent: key k is drawn with probability ∝ (k + 1)^−s; 0 is uniform, about 0.6–1.2 is typical of web and cache traffic.",
          ),
        shift: z
          .strictObject({
            every: durationSchema
              .refine((seconds) => seconds > 0, {
                error: (issue) =>
                  problemText("scenario.too-small", { limit: "greater than 0", got: showValue(issue.input) }),
              })
              .meta(positiveDurationJson)
              .describe("How often the popular keys change (simulated time since the run began)."),
            by: z
              .int()
              .min(1)
              .max(MAX_KEYS)
              .describe(
                "How many ranks the popularity moves by each time: rank r's key becomes rank r + by's.",
              ),
          })
          .optional()
          .describe(
            'A working set that moves: { "every": "60s", "by": 100 } makes keys 100 … 199 the hottest after a minute, 200 … 299 after two.',
          ),
      })
      .describe("Zipf popularity: a few hot keys and a long tail."),
  })
  .transform((k): KeySpec => {
    const { keys, s, shift } = k.zipf;
    return shift === undefined ? { kind: "zipf", keys, s } : { kind: "zipf", keys, s, shift };
  });

const uniform = z
  .strictObject({
    uniform: z.strictObject({ keys }).describe("Every key equally likely."),
  })
  .transform((k): KeySpec => ({ kind: "uniform", keys: k.uniform.keys }));

export const keySchema = z
  .union([zipf, uniform], {
    error: (issue) =>
      problemText("scenario.type", {
        expected: '{ "zipf": { "keys": 1000, "s": 0.8 } } or { "uniform": { "keys": 1000 } }',
        got: showValue(issue.input),
      }),
  })
  .describe(
    'The key each request is about, for hash balancers and caches: { "zipf": { "keys": 1000, "s": 0.8 } } or { "uniform": { "keys": 1000 } }.',
  );
