/**
 * Durations as scenarios write them: a number of seconds, or a decimal string with a unit
 * ("250ns", "150us", "5ms", "2s", "1m", "1h"). Everything downstream works in seconds.
 */
import { z } from "zod";
import { catalogueError } from "../errors/catalogue";
import { problemText } from "./problem-text";
import { showValue } from "./show-value";

const DURATION_PATTERN = /^(\d+)(?:\.(\d+))?(ns|us|µs|ms|s|m|h)$/;

// What JSON Schema can state of durations that a refinement bounds, attached with .meta() beside
// each refinement so that the published schema refuses what the validator refuses: a duration
// above 0 (a positive number, or a string whose digits are not all zeros), and one that is 0.
const UNIT = "(?:ns|us|µs|ms|s|m|h)";
export const positiveDurationJson = {
  anyOf: [
    { type: "number", exclusiveMinimum: 0 },
    { type: "string", pattern: `^(?!0+(?:\\.0+)?${UNIT}$)\\d+(?:\\.\\d+)?${UNIT}$` },
  ],
};
export const zeroDurationJson = {
  anyOf: [{ const: 0 }, { type: "string", pattern: `^0+(?:\\.0+)?${UNIT}$` }],
};
/** A duration or a number of seconds, at least 0, as JSON Schema states it. */
export const durationJson = {
  anyOf: [
    { type: "number", minimum: 0 },
    { type: "string", pattern: DURATION_PATTERN.source },
  ],
};

// Decimal exponent of each sub-second unit, and multiplier of each longer one. Sub-second units
// divide an integer by a power of ten so that "5ms" is exactly the double nearest 0.005,
// the same number as a scenario that writes 0.005 (their canonical hashes must agree).
const SUBSECOND: Record<string, number> = { ns: 9, us: 6, µs: 6, ms: 3, s: 0 };
const MULTIPLE: Record<string, number> = { m: 60, h: 3600 };

/** Seconds in a duration string, or undefined when it does not match DURATION_PATTERN. */
export function durationStringSeconds(text: string): number | undefined {
  const match = DURATION_PATTERN.exec(text);
  if (match === null) return undefined;
  const [, whole = "", fraction = "", unit = ""] = match;
  const digits = Number(whole + fraction);
  const multiple = MULTIPLE[unit];
  const decimals = fraction.length + (multiple === undefined ? SUBSECOND[unit]! : 0);
  return (digits * (multiple ?? 1)) / 10 ** decimals;
}

/** Seconds in a duration (number or string with a unit); throws a SyslabError (scenario.duration) otherwise. */
export function parseDuration(value: number | string): number {
  const seconds =
    typeof value === "number"
      ? Number.isFinite(value) && value >= 0
        ? value
        : undefined
      : durationStringSeconds(value);
  if (seconds === undefined) throw catalogueError("scenario.duration", { got: showValue(value) });
  return seconds;
}

const durationError = (issue: { input?: unknown }) =>
  problemText("scenario.duration", { got: showValue(issue.input) });

/** A duration as the scenario's input format accepts it, read as seconds. */
export const durationSchema = z
  .union(
    [
      z.number({ error: durationError }).min(0, { error: durationError }),
      z.string({ error: durationError }).regex(DURATION_PATTERN, { error: durationError }),
    ],
    { error: durationError },
  )
  .transform((value) => (typeof value === "number" ? value : durationStringSeconds(value)!))
  .meta({
    id: "Duration",
    description:
      'A duration: a number of seconds (0.005) or a string with a unit: "250ns", "150us", "5ms", "2s", "1m", "1h".',
  });
