/**
 * Open arrivals: Poisson or evenly spaced at a rate (fixed, or piecewise over time), a Poisson
 * rate shaped by a daily curve and flash crowds, on/off bursts, or a replayed trace of arrival
 * times. Rates are requests per second.
 */
import { z } from "zod";
import { distributionSchema } from "./distribution";
import { durationSchema, zeroDurationJson } from "./duration";
import { fieldGuide } from "./field-guide";
import type { Arrival, Diurnal, FlashCrowd, RateSegment, TracedArrival } from "./model";
import { nearestName } from "./nearest-name";
import { positiveDurationSchema } from "./positive-duration";
import { problemText } from "./problem-text";
import { showValue } from "./show-value";

const PROCESSES = ["poisson", "constant", "onoff", "trace"];
/** Flash crowds one workload may list: each adds rate pieces the arrival process walks through. */
export const MAX_FLASH_CROWDS = 100;
/** Entries an inline trace may hold: it is kept in memory whole, and the input's own bound is 1,000,000 values. */
export const MAX_TRACE_ARRIVALS = 100_000;
/** Peak factors above this are refused: thinning draws peakFactor candidates per kept arrival. */
const MAX_PEAK_FACTOR = 1000;
const MAX_FLASH_FACTOR = 1000;

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

const diurnalSchema = z
  .strictObject({
    period: positiveDurationSchema
      .default(86_400)
      .describe('Length of one cycle of the curve; absent: "24h".'),
    peakFactor: z
      .number()
      .min(1)
      .max(MAX_PEAK_FACTOR)
      .describe(
        `The rate at the peak, as a multiple of the rate at the trough (\`rate\`); from 1 to ${MAX_PEAK_FACTOR}.`,
      ),
    peakAt: durationSchema
      .default(0)
      .describe(
        "Simulated time (from the start of the run) of the first peak; the trough is half a period away.",
      ),
  })
  .describe(
    'A smooth daily curve: the rate rises from `rate` at the trough to `rate` × `peakFactor` at `peakAt` and back, as a raised cosine: { "period": "24h", "peakFactor": 3, "peakAt": "14h" }.',
  );

const flashCrowdSchema = z
  .strictObject({
    at: durationSchema.describe("Simulated time (from the start of the run) the crowd arrives."),
    for: positiveDurationSchema.describe("How long the crowd stays, ramps included."),
    factor: z
      .number()
      .positive()
      .max(MAX_FLASH_FACTOR)
      .describe(`The rate's multiplier while the crowd is there (above 0, at most ${MAX_FLASH_FACTOR}).`),
    ramp: durationSchema
      .default(0)
      .describe(
        "How long the multiplier takes to rise from 1 to `factor`, and to fall back; absent: at once.",
      ),
  })
  .superRefine((crowd, ctx) => {
    if (typeof crowd.for !== "number" || typeof crowd.ramp !== "number") return;
    if (2 * crowd.ramp > crowd.for)
      ctx.addIssue({
        code: "custom",
        path: ["ramp"],
        message: problemText("scenario.flash-crowd", {
          problem: "The rise and the fall (2 × `ramp`) last longer than the crowd (`for`); shorten `ramp`.",
        }),
      });
  })
  .describe("A flash crowd: the rate × `factor` over a window, rising and falling linearly over `ramp`.");

const flashCrowdsSchema = z
  .array(flashCrowdSchema)
  .superRefine((crowds, ctx) => {
    if (crowds.length > MAX_FLASH_CROWDS)
      ctx.addIssue({
        code: "custom",
        message: problemText("scenario.flash-crowd", {
          problem: `There are ${crowds.length} flash crowds; at most ${MAX_FLASH_CROWDS} are allowed.`,
        }),
      });
  })
  .meta({ maxItems: MAX_FLASH_CROWDS })
  .describe(
    `Bursts over the rate (at most ${MAX_FLASH_CROWDS}); where two overlap, their multipliers multiply.`,
  );

const poisson = z
  .strictObject({
    process: z.literal("poisson"),
    rate: rateSchema,
    diurnal: diurnalSchema.optional(),
    flashCrowds: flashCrowdsSchema.optional(),
  })
  .describe(
    "Poisson arrivals: exponential gaps between requests, at the given mean rate; `diurnal` and `flashCrowds` shape that rate over time (a non-homogeneous Poisson process).",
  );

const tracedArrivalSchema = z.union([
  durationSchema.describe("The time the request arrives at; its class and key are drawn as usual."),
  z
    .strictObject({
      at: durationSchema.describe("Simulated time (from the start of the run) the request arrives at."),
      class: z.string().min(1).optional().describe("The name of its request class; absent: drawn by weight."),
      key: z
        .number()
        .int()
        .min(0)
        .max(2_147_483_647)
        .optional()
        .describe("The key it is about (a whole number, at least 0); absent: drawn from its class's `key`."),
    })
    .describe("A request of the trace with its class or key given."),
]);

const traceSchema = z
  .strictObject({
    process: z.literal("trace"),
    arrivals: z
      .array(tracedArrivalSchema)
      .superRefine((arrivals, ctx) => {
        const fail = (problem: string, path: (string | number)[] = []) =>
          ctx.addIssue({ code: "custom", path, message: problemText("scenario.arrival-trace", { problem }) });
        if (arrivals.length === 0) return fail("The trace is empty, so no request would arrive.");
        if (arrivals.length > MAX_TRACE_ARRIVALS)
          return fail(
            `The trace holds ${arrivals.length} arrivals; at most ${MAX_TRACE_ARRIVALS} are allowed inline. Shorten it, or describe the traffic with a rate.`,
          );
        let previous = 0;
        for (let i = 0; i < arrivals.length; i++) {
          const entry = arrivals[i];
          const at = typeof entry === "object" && entry !== null ? entry.at : entry;
          if (typeof at !== "number") return; // reported on its own
          if (at < previous)
            return fail(`Arrival ${i} comes before arrival ${i - 1}; list arrivals in non-decreasing time.`, [
              i,
            ]);
          previous = at;
        }
      })
      .meta({ minItems: 1, maxItems: MAX_TRACE_ARRIVALS })
      .describe(
        `Arrival times, in non-decreasing order (at most ${MAX_TRACE_ARRIVALS}): seconds or durations, or objects { "at", "class", "key" }.`,
      ),
  })
  .describe("Replays a trace: one request at each listed time, none after the last.");

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
  .discriminatedUnion("process", [poisson, constant, onoff, traceSchema], {
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
    if (arrival.process === "trace")
      return { process: "trace", arrivals: arrival.arrivals.map(tracedArrival) };
    const rate = arrival.rate as number | RateSegment[];
    if (arrival.process === "constant") return { process: "constant", rate };
    // Shapes are added only when given: a scenario without them keeps its canonical form and hash.
    const shaped: Arrival = { process: "poisson", rate };
    if (arrival.diurnal !== undefined) shaped.diurnal = arrival.diurnal as Diurnal;
    if (arrival.flashCrowds !== undefined) shaped.flashCrowds = arrival.flashCrowds as FlashCrowd[];
    return shaped;
  })
  .describe(
    'Open arrivals, independent of how fast requests complete: { "process": "poisson", "rate": 800 }, { "process": "constant", "rate": 800 }, { "process": "onoff", "rate": 2000, "on": "1s", "off": "4s" }, or { "process": "trace", "arrivals": [0.1, "250ms", …] }.',
  );

/** A trace entry in one shape: a bare time becomes { at }. */
function tracedArrival(
  entry: number | { at: number | string; class?: string; key?: number } | string,
): TracedArrival {
  if (typeof entry !== "object") return { at: entry as number };
  const traced: TracedArrival = { at: entry.at as number };
  if (entry.class !== undefined) traced.class = entry.class;
  if (entry.key !== undefined) traced.key = entry.key;
  return traced;
}
