/**
 * Open arrivals: Poisson or evenly spaced at a rate (fixed, or piecewise over time), or on/off
 * bursts. Rates are requests per second.
 */
import { z } from "zod";
import { distributionSchema } from "./distribution";
import { durationSchema, zeroDurationJson } from "./duration";
import { fieldGuide } from "./field-guide";
import type { Arrival, RateSegment } from "./model";
import { nearestName } from "./nearest-name";
import { problemText } from "./problem-text";
import { showValue } from "./show-value";

const PROCESSES = ["poisson", "constant", "onoff"];

const segmentSchema = z.strictObject({
  from: durationSchema.describe(
    "Simulated time (from the start of the run, warm-up included) this rate starts at.",
  ),
  rate: z.number().min(0).describe("Arrivals per second from `from` until the next segment."),
});

const rateSchema = z
  .union([
    z.number().positive().describe("Arrivals per second."),
    z
      .array(segmentSchema)
      .superRefine((segments, ctx) => {
        const fail = (problem: string, path: (string | number)[] = []) =>
          ctx.addIssue({ code: "custom", path, message: problemText("scenario.rate-segments", { problem }) });
        if (segments.length === 0) return fail("The list of rate segments is empty.");
        // zod runs this check even when a segment failed on its own; that one is reported already.
        if (segments.some((s) => typeof s.from !== "number" || typeof s.rate !== "number")) return;
        if (segments[0]!.from !== 0) fail("The first segment must start at 0.", [0, "from"]);
        for (let i = 1; i < segments.length; i++) {
          if (segments[i]!.from <= segments[i - 1]!.from) {
            fail(`Segment ${i} starts no later than segment ${i - 1}; list segments in increasing "from".`, [
              i,
              "from",
            ]);
          }
        }
        if (segments.every((s) => s.rate === 0))
          fail("Every segment has rate 0, so no request would arrive.");
      })
      // The checks above JSON Schema can state (all but the increasing order of `from`). The
      // first-item rule sits in an allOf: a prefixItems beside `items` would exempt that item from it.
      .meta({
        minItems: 1,
        allOf: [{ prefixItems: [{ properties: { from: zeroDurationJson } }] }],
        contains: { properties: { rate: { exclusiveMinimum: 0 } } },
      })
      .describe(
        'A rate that changes over time: [{ "from": "0s", "rate": 100 }, { "from": "30s", "rate": 400 }]; each rate holds until the next segment starts.',
      ),
  ])
  .describe("Arrivals per second: a number, or a piecewise rate over time.");

const poisson = z
  .strictObject({ process: z.literal("poisson"), rate: rateSchema })
  .describe("Poisson arrivals: exponential gaps between requests, at the given mean rate.");

const constant = z
  .strictObject({ process: z.literal("constant"), rate: rateSchema })
  .describe("Evenly spaced arrivals at the given rate (no randomness).");

const onoff = z
  .strictObject({
    process: z.literal("onoff"),
    rate: z.number().positive().describe("Poisson arrivals per second during an on-period."),
    on: distributionSchema.describe("Length of each on-period (a burst)."),
    off: distributionSchema.describe("Length of each silent off-period between bursts."),
  })
  .describe('Bursts: Poisson arrivals at `rate` during on-periods, none during off-periods. Starts "on".');

export const arrivalSchema = z
  .discriminatedUnion("process", [poisson, constant, onoff], {
    error: (issue) => {
      const input = issue.input;
      if (input === null || typeof input !== "object" || Array.isArray(input)) {
        return problemText("scenario.type", {
          expected: 'an object such as { "process": "poisson", "rate": 100 }',
          got: showValue(input),
        });
      }
      const process = (input as { process?: unknown }).process;
      if (process === undefined)
        return problemText("scenario.required", { field: "process", guide: fieldGuide("process") });
      return problemText("scenario.value", {
        allowed: PROCESSES,
        got: showValue(process),
        near: typeof process === "string" ? nearestName(process, PROCESSES) : undefined,
      });
    },
  })
  .transform((arrival): Arrival => {
    if (arrival.process === "onoff") return arrival;
    return { process: arrival.process, rate: arrival.rate as number | RateSegment[] };
  })
  .describe(
    'Open arrivals, independent of how fast requests complete: { "process": "poisson", "rate": 800 }, { "process": "constant", "rate": 800 }, or { "process": "onoff", "rate": 2000, "on": "1s", "off": "4s" }.',
  );
