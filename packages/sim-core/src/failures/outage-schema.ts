/**
 * Outages as a scenario writes them, on any component: scheduled ones (`at`, `for`) and random
 * ones (exponential times up and down, from a mean time between failures and a mean time to
 * repair), each refusing connections (a fast failure, counted as `reset`) or hanging (the
 * request waits until its client's timeout). A kind that handles its own outages builds its list
 * from the same parts (`outageListSchema`), in its own words and with its own fields.
 */
import { z } from "zod";
import { durationSchema, positiveDurationJson } from "../scenario/duration";
import { problemText } from "../scenario/problem-text";
import { showValue } from "../scenario/show-value";

/** How a failed component answers: "refuse" (connection refused, RST) or "hang" (no answer at all). */
export type OutageMode = "refuse" | "hang";

/** When an outage happens, normalised: durations in seconds (the shape every kind's `outages` has). */
export type OutageTiming =
  | { kind: "scheduled"; at: number; for: number }
  | { kind: "random"; mtbf: number; mttr: number };

/** One outage, normalised: its timing and how the component answers meanwhile. */
export type OutageSpec = OutageTiming & { mode: OutageMode };

/** What a list of outages says of itself, in the words of what fails (a component, a pool of workers). */
export interface OutageWording {
  /** A scheduled outage's `at`: when it starts. */
  at: string;
  /** A scheduled outage's `for`: how long it lasts. */
  for: string;
  /** One outage, either shape (the list's own description is the caller's, as it may wrap the list). */
  item: string;
}

const positiveDuration = durationSchema
  .refine((seconds) => seconds > 0, {
    error: (issue) =>
      problemText("scenario.too-small", { limit: "greater than 0", got: showValue(issue.input) }),
  })
  .meta(positiveDurationJson);

/**
 * A list of outages, each scheduled ({ "at", "for" }) or random ({ "mtbf", "mttr" }), with the
 * `extra` fields in both shapes; each normalises to its kind and fields in that order.
 */
export function outageListSchema<Extra extends z.ZodRawShape>(words: OutageWording, extra: Extra) {
  const scheduled = z
    .strictObject({
      at: durationSchema.describe(words.at),
      for: positiveDuration.describe(words.for),
      ...extra,
    })
    .transform((o) => ({ kind: "scheduled" as const, ...o }));
  const random = z
    .strictObject({
      mtbf: positiveDuration.describe(
        "Mean time between failures: each up period is exponential with this mean.",
      ),
      mttr: positiveDuration.describe("Mean time to repair: each outage is exponential with this mean."),
      ...extra,
    })
    .transform((o) => ({ kind: "random" as const, ...o }));
  return z.array(
    z
      .union([scheduled, random], {
        error: (issue) =>
          problemText("scenario.type", {
            expected: '{ "at": "60s", "for": "30s" } or { "mtbf": "10m", "mttr": "30s" }',
            got: showValue(issue.input),
          }),
      })
      .describe(words.item),
  );
}

const mode = z
  .enum(["refuse", "hang"])
  .default("refuse")
  .describe(
    'How the component fails: "refuse" (default) refuses connections, so a request fails at once and counts as reset (RST); "hang" accepts and never answers, so a request waits until its client\'s timeout.',
  );

export const outagesSchema: z.ZodType<OutageSpec[], unknown> = outageListSchema(
  {
    at: "When the outage starts, in simulated time from the start of the run (warm-up included).",
    for: "How long it lasts.",
    item: 'An outage: scheduled, { "at": "60s", "for": "30s" }, or random, { "mtbf": "10m", "mttr": "30s" }; either may add "mode": "refuse" | "hang".',
  },
  { mode },
).describe(
  'When the component is down: [ { "at": "60s", "for": "30s" } ] or random failures [ { "mtbf": "10m", "mttr": "30s", "mode": "hang" } ]. Requests that reach it while down fail; those already inside finish.',
);
