/**
 * Outages as a scenario writes them, on any component: scheduled ones (`at`, `for`) and random
 * ones (exponential times up and down, from a mean time between failures and a mean time to
 * repair), each refusing connections (a fast failure, counted as `reset`) or hanging (the
 * request waits until its client's timeout).
 */
import { z } from "zod";
import { durationSchema, positiveDurationJson } from "../scenario/duration";
import { problemText } from "../scenario/problem-text";
import { showValue } from "../scenario/show-value";

/** How a failed component answers: "refuse" (connection refused, RST) or "hang" (no answer at all). */
export type OutageMode = "refuse" | "hang";

/** One outage, normalised: durations in seconds. */
export type OutageSpec =
  | { kind: "scheduled"; at: number; for: number; mode: OutageMode }
  | { kind: "random"; mtbf: number; mttr: number; mode: OutageMode };

const positiveDuration = durationSchema
  .refine((seconds) => seconds > 0, {
    error: (issue) =>
      problemText("scenario.too-small", { limit: "greater than 0", got: showValue(issue.input) }),
  })
  .meta(positiveDurationJson);

const mode = z
  .enum(["refuse", "hang"])
  .default("refuse")
  .describe(
    'How the component fails: "refuse" (default) refuses connections, so a request fails at once and counts as reset (RST); "hang" accepts and never answers, so a request waits until its client\'s timeout.',
  );

const scheduled = z
  .strictObject({
    at: durationSchema.describe(
      "When the outage starts, in simulated time from the start of the run (warm-up included).",
    ),
    for: positiveDuration.describe("How long it lasts."),
    mode,
  })
  .transform((o): OutageSpec => ({ kind: "scheduled", at: o.at, for: o.for, mode: o.mode }));

const random = z
  .strictObject({
    mtbf: positiveDuration.describe(
      "Mean time between failures: each up period is exponential with this mean.",
    ),
    mttr: positiveDuration.describe("Mean time to repair: each outage is exponential with this mean."),
    mode,
  })
  .transform((o): OutageSpec => ({ kind: "random", mtbf: o.mtbf, mttr: o.mttr, mode: o.mode }));

export const outagesSchema = z
  .array(
    z
      .union([scheduled, random], {
        error: (issue) =>
          problemText("scenario.type", {
            expected: '{ "at": "60s", "for": "30s" } or { "mtbf": "10m", "mttr": "30s" }',
            got: showValue(issue.input),
          }),
      })
      .describe(
        'An outage: scheduled, { "at": "60s", "for": "30s" }, or random, { "mtbf": "10m", "mttr": "30s" }; either may add "mode": "refuse" | "hang".',
      ),
  )
  .describe(
    'When the component is down: [ { "at": "60s", "for": "30s" } ] or random failures [ { "mtbf": "10m", "mttr": "30s", "mode": "hang" } ]. Requests that reach it while down fail; those already inside finish.',
  );
