/**
 * Distributions as scenarios write them (a bare duration is a constant; an object names the
 * distribution by its one key), checked and turned into the tagged Distribution the engine samples.
 */
import { z } from "zod";
import { durationSchema, positiveDurationJson } from "./duration";
import type { Distribution } from "./model";
import { nearestName } from "./nearest-name";
import { problemText } from "./problem-text";
import { showValue } from "./show-value";

// Each draw sums k exponential draws, so k bounds the cost of one sample (the run's wall-time
// limit is checked between events, never inside one); beyond a few hundred phases an Erlang is
// nearly a constant (its squared coefficient of variation is 1/k).
const MAX_ERLANG_PHASES = 1000;

// z(0.99) of the standard normal: a lognormal's p99 is exp(mu + 2.3263478740 sigma).
const Z99 = 2.326347874;

const DISTRIBUTION_KEYS = [
  "exp",
  "uniform",
  "normal",
  "lognormal",
  "erlang",
  "hyperexp",
  "pareto",
  "empirical",
];

type Refinement = z.core.$RefinementCtx;

/**
 * Reports a broken parameter at `path` (relative to the distribution's object) unless `ok`.
 * zod runs these checks even when a parameter failed on its own (a bad duration), so `values`
 * lists the parameters the check reads: when one is not yet a number, it has been reported already.
 */
function expectParameter(
  ctx: Refinement,
  values: unknown[],
  ok: boolean,
  path: (string | number)[],
  distribution: string,
  problem: string,
) {
  if (values.every((v) => typeof v === "number") && !ok) {
    ctx.addIssue({
      code: "custom",
      path: [distribution, ...path],
      message: problemText("scenario.distribution-parameter", { distribution, problem }),
    });
  }
}

const seconds = (value: number) => `${value} s`;

const exp = z
  .strictObject({
    exp: durationSchema.meta(positiveDurationJson).describe("Mean of the exponential distribution."),
  })
  .superRefine((d, ctx) =>
    expectParameter(ctx, [d.exp], d.exp > 0, [], "exp", `the mean must be greater than 0; got ${d.exp}.`),
  )
  .transform((d): Distribution => ({ kind: "exp", mean: d.exp }))
  .meta({ description: 'Exponential with the given mean: { "exp": "5ms" }.' });

const uniform = z
  .strictObject({
    uniform: z.tuple([durationSchema, durationSchema]).describe("The lowest and highest value: [min, max]."),
  })
  .superRefine((d, ctx) =>
    expectParameter(
      ctx,
      d.uniform,
      d.uniform[0] <= d.uniform[1],
      [],
      "uniform",
      `the first bound must not exceed the second; got [${seconds(d.uniform[0])}, ${seconds(d.uniform[1])}].`,
    ),
  )
  .transform((d): Distribution => ({ kind: "uniform", min: d.uniform[0], max: d.uniform[1] }))
  .meta({ description: 'Uniform between two durations: { "uniform": ["1ms", "5ms"] }.' });

const normal = z
  .strictObject({
    normal: z
      .strictObject({
        mean: durationSchema.describe("Mean of the (untruncated) normal."),
        sd: durationSchema.describe("Standard deviation."),
      })
      .describe("The mean and standard deviation."),
  })
  .transform((d): Distribution => ({ kind: "normal", mean: d.normal.mean, sd: d.normal.sd }))
  .meta({
    description:
      'Normal with a mean and standard deviation, truncated at 0 (a negative draw is drawn again): { "normal": { "mean": "5ms", "sd": "1ms" } }.',
  });

const lognormalByQuantiles = z
  .strictObject({
    median: durationSchema.meta(positiveDurationJson).describe("The median (50th percentile)."),
    p99: durationSchema.describe("The 99th percentile; must exceed the median."),
  })
  .meta({ description: "A lognormal given by its median and 99th percentile." });

const lognormalByParameters = z
  .strictObject({
    mu: z.number().describe("Mean of the underlying normal (of ln X, X in seconds)."),
    sigma: z
      .number()
      .meta({ minimum: 0 })
      .describe("Standard deviation of the underlying normal; at least 0."),
  })
  .meta({ description: "A lognormal given by the parameters of the underlying normal." });

const lognormal = z
  .strictObject({
    lognormal: z
      .union([lognormalByQuantiles, lognormalByParameters], {
        error: (issue) =>
          problemText("scenario.distribution-parameter", {
            distribution: "lognormal",
            problem: `write { "median": "20ms", "p99": "120ms" } or { "mu": -4, "sigma": 0.8 }; got ${showValue(issue.input)}.`,
          }),
      })
      .describe("Either the median and 99th percentile, or mu and sigma."),
  })
  .superRefine((d, ctx) => {
    const l = d.lognormal;
    if ("median" in l) {
      expectParameter(
        ctx,
        [l.median],
        l.median > 0,
        ["median"],
        "lognormal",
        `the median must be greater than 0; got ${l.median}.`,
      );
      expectParameter(
        ctx,
        [l.p99, l.median],
        l.p99 > l.median,
        ["p99"],
        "lognormal",
        `p99 must be greater than the median; got p99 ${seconds(l.p99)} and median ${seconds(l.median)}.`,
      );
    } else {
      expectParameter(
        ctx,
        [l.sigma],
        l.sigma >= 0,
        ["sigma"],
        "lognormal",
        `sigma must not be negative; got ${l.sigma}.`,
      );
    }
  })
  .transform((d): Distribution => {
    const l = d.lognormal;
    if ("mu" in l) return { kind: "lognormal", mu: l.mu, sigma: l.sigma };
    return { kind: "lognormal", mu: Math.log(l.median), sigma: Math.log(l.p99 / l.median) / Z99 };
  })
  .meta({
    description:
      'Lognormal, by median and 99th percentile ({ "lognormal": { "median": "20ms", "p99": "120ms" } }) or by mu and sigma of ln X in seconds ({ "lognormal": { "mu": -4, "sigma": 0.8 } }).',
  });

const erlang = z
  .strictObject({
    erlang: z
      .strictObject({
        k: z
          .number()
          .meta({ type: "integer", minimum: 1, maximum: MAX_ERLANG_PHASES })
          .describe(`Number of exponential phases; a whole number from 1 to ${MAX_ERLANG_PHASES}.`),
        mean: durationSchema.meta(positiveDurationJson).describe("Mean of the whole (sum of the k phases)."),
      })
      .describe("The number of phases and the mean."),
  })
  .superRefine((d, ctx) => {
    const { k, mean } = d.erlang;
    expectParameter(
      ctx,
      [k],
      Number.isInteger(k) && k >= 1 && k <= MAX_ERLANG_PHASES,
      ["k"],
      "erlang",
      `k must be a whole number from 1 to ${MAX_ERLANG_PHASES}; got ${k}.`,
    );
    expectParameter(
      ctx,
      [mean],
      mean > 0,
      ["mean"],
      "erlang",
      `the mean must be greater than 0; got ${mean}.`,
    );
  })
  .transform((d): Distribution => ({ kind: "erlang", k: d.erlang.k, mean: d.erlang.mean }))
  .meta({
    description:
      'Erlang: the sum of k exponential phases with the given total mean: { "erlang": { "k": 3, "mean": "6ms" } }.',
  });

const hyperexp = z
  .strictObject({
    hyperexp: z
      .strictObject({
        mean: durationSchema.meta(positiveDurationJson).describe("Mean."),
        scv: z
          .number()
          .meta({ minimum: 1 })
          .describe("Squared coefficient of variation (variance / mean²); at least 1."),
      })
      .describe("The mean and the squared coefficient of variation."),
  })
  .superRefine((d, ctx) => {
    const { mean, scv } = d.hyperexp;
    expectParameter(
      ctx,
      [mean],
      mean > 0,
      ["mean"],
      "hyperexp",
      `the mean must be greater than 0; got ${mean}.`,
    );
    expectParameter(
      ctx,
      [scv],
      scv >= 1,
      ["scv"],
      "hyperexp",
      `scv must be at least 1 (a hyperexponential varies at least as much as an exponential); got ${scv}. For less variable service use erlang.`,
    );
  })
  .transform((d): Distribution => ({ kind: "hyperexp", mean: d.hyperexp.mean, scv: d.hyperexp.scv }))
  .meta({
    description:
      'Balanced two-phase hyperexponential with a mean and a squared coefficient of variation ≥ 1: { "hyperexp": { "mean": "10ms", "scv": 4 } }.',
  });

const pareto = z
  .strictObject({
    pareto: z
      .strictObject({
        scale: durationSchema.meta(positiveDurationJson).describe("The smallest value (x_m)."),
        shape: z
          .number()
          .meta({ exclusiveMinimum: 0 })
          .describe("Tail index alpha; the mean is finite only above 1, the variance above 2."),
      })
      .describe("The scale and the shape."),
  })
  .superRefine((d, ctx) => {
    const { scale, shape } = d.pareto;
    expectParameter(
      ctx,
      [scale],
      scale > 0,
      ["scale"],
      "pareto",
      `the scale must be greater than 0; got ${scale}.`,
    );
    expectParameter(
      ctx,
      [shape],
      shape > 0,
      ["shape"],
      "pareto",
      `the shape must be greater than 0; got ${shape}.`,
    );
  })
  .transform((d): Distribution => ({ kind: "pareto", scale: d.pareto.scale, shape: d.pareto.shape }))
  .meta({
    description:
      'Pareto with a scale (smallest value) and shape: { "pareto": { "scale": "1ms", "shape": 2.5 } }.',
  });

const empirical = z
  .strictObject({
    empirical: z
      .array(durationSchema)
      .meta({ minItems: 1 })
      .describe("The observed values; each is drawn with equal probability."),
  })
  .superRefine((d, ctx) =>
    expectParameter(
      ctx,
      [],
      d.empirical.length > 0,
      [],
      "empirical",
      'list at least one value, e.g. ["1ms", "2ms", "9ms"].',
    ),
  )
  .transform((d): Distribution => ({ kind: "empirical", values: d.empirical }))
  .meta({
    description:
      'Draws one of the listed durations, each equally likely: { "empirical": ["1ms", "2ms", "9ms"] }.',
  });

const constant = durationSchema.transform((value): Distribution => ({ kind: "constant", value }));

function distributionError(issue: { input?: unknown }): string {
  const input = issue.input;
  if (typeof input === "string" || typeof input === "number") {
    return problemText("scenario.duration", { got: showValue(input) });
  }
  const keys = input !== null && typeof input === "object" && !Array.isArray(input) ? Object.keys(input) : [];
  const unknown = keys.find((key) => !DISTRIBUTION_KEYS.includes(key));
  const near = unknown === undefined ? undefined : nearestName(unknown, DISTRIBUTION_KEYS);
  return problemText("scenario.distribution", { got: showValue(input), near });
}

/** A distribution of durations: a constant, or one of the named distributions. */
export const distributionSchema = z
  .union([constant, exp, uniform, normal, lognormal, erlang, hyperexp, pareto, empirical], {
    error: distributionError,
  })
  .meta({
    id: "Distribution",
    description:
      'A distribution of durations. A bare duration ("5ms") is a constant; an object with one key names a distribution: exp, uniform, normal, lognormal, erlang, hyperexp, pareto or empirical.',
  });
