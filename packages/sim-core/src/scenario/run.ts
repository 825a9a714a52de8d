/**
 * The run section: how long to measure (simulated time or a count of requests), the warm-up
 * before it in the same unit, and optional limits that stop a run gone out of bounds.
 */
import { z } from "zod";
import { KEY_FIGURE_PATTERN } from "../result/key-figures";
import { durationJson, durationSchema, durationStringSeconds } from "./duration";
import type { RunLength, RunSpec } from "./model";
import { problemText } from "./problem-text";
import { showValue } from "./show-value";

const limitsSchema = z
  .strictObject({
    maxEvents: z.int().positive().optional().describe("Stop the run with an error after this many events."),
    maxWallTime: durationSchema.optional().describe("Stop the run with an error after this much real time."),
    maxSimTime: durationSchema
      .optional()
      .describe("Stop the run with an error when simulated time passes this (warm-up included)."),
    maxInFlight: z
      .int()
      .positive()
      .optional()
      .describe(
        "Stop the run with an error when more requests than this are in the system at once (an overloaded system's queues grow without bound; this bounds the run's memory).",
      ),
  })
  .describe(
    "Bounds that end a run with an error instead of letting it go on; the engine has defaults for each.",
  );

/** The most replications one run may ask for: each is a whole run, and all share the run's limits. */
export const MAX_REPLICATIONS = 1000;

const precisionSchema = z
  .strictObject({
    metric: z
      .string()
      .regex(KEY_FIGURE_PATTERN, {
        error: (issue) => problemText("scenario.precision-metric", { got: showValue(issue.input) }),
      })
      .describe(
        'The key figure to make precise: "latency.mean", "latency.p50", "latency.p90", "latency.p99", "wait.mean", "wait.p99", "throughput", "inSystem.mean" or "components.<name>.utilization".',
      ),
    relative: z
      .number()
      .positive()
      .lt(1)
      .describe(
        "Stop when the 95% interval's half-width is at most this fraction of the estimate (0.05: within ±5%).",
      ),
    minReplications: z
      .int()
      .min(2)
      .max(MAX_REPLICATIONS)
      .optional()
      .describe("Replications run before the precision is first checked (default 3; at least 2)."),
    maxReplications: z
      .int()
      .min(2)
      .max(MAX_REPLICATIONS)
      .optional()
      .describe("Stop here even if the precision is not reached (default 50)."),
  })
  .describe(
    "Replicate until the key figure's across-replication 95% interval is narrow enough, checking after each replication.",
  );

/** The most traces a run keeps by default: enough for a waterfall and a histogram, a few MB at most. */
const DEFAULT_TRACE_MAX = 1000;

const traceSchema = z
  .strictObject({
    sample: z
      .number()
      .positive()
      .max(1)
      .describe("The fraction of measured requests to trace, e.g. 0.01 (1 traces every request)."),
    max: z
      .int()
      .positive()
      .max(100_000)
      .optional()
      .describe(
        `Keep at most this many traces, a uniform sample of the traced ones (default ${DEFAULT_TRACE_MAX}).`,
      ),
  })
  .describe(
    "Record per-request traces: every visit to a component, with its time queued. Tracing only observes: the run's statistics are the same.",
  );

export const runSchema = z
  .strictObject({
    duration: durationSchema
      .optional()
      .describe("Measure this much simulated time after the warm-up. Give this or `requests`, not both."),
    requests: z
      .int()
      .positive()
      .optional()
      .describe(
        "Measure this many requests (counted by arrival) after the warm-up. Give this or `duration`.",
      ),
    warmup: z
      .union([z.number(), z.string()], {
        error: (issue) =>
          problemText("scenario.type", {
            expected: 'a duration ("5s") for a run by duration, or a count (1000) for a run by requests',
            got: showValue(issue.input),
          }),
      })
      .optional()
      .describe(
        "Run this long first, unmeasured: a duration when the run has `duration`, a count of requests when it has `requests`. Default 0.",
      ),
    limits: limitsSchema.optional(),
    replications: z
      .int()
      .min(2)
      .max(MAX_REPLICATIONS)
      .optional()
      .describe(
        "Run this many independent replications (seeds derived from the scenario's) and report across-replication 95% intervals for every key figure.",
      ),
    precision: precisionSchema.optional(),
    trace: traceSchema.optional(),
  })
  .superRefine((run, ctx) => {
    if (run.replications !== undefined && run.precision !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["replications"],
        message: problemText("scenario.replications-and-precision", {}),
      });
    }
    const precision = run.precision;
    if (precision !== undefined && (precision.minReplications ?? 3) > (precision.maxReplications ?? 50)) {
      ctx.addIssue({
        code: "custom",
        path: ["precision", "minReplications"],
        message: problemText("scenario.precision-range", {
          min: precision.minReplications ?? 3,
          max: precision.maxReplications ?? 50,
        }),
      });
    }
    const hasDuration = run.duration !== undefined;
    if (hasDuration === (run.requests !== undefined)) {
      ctx.addIssue({
        code: "custom",
        message: problemText("scenario.run-length", {
          got: hasDuration ? "both" : showValue(Object.keys(run).length === 0 ? {} : run),
        }),
      });
      return;
    }
    if (run.warmup !== undefined && warmupLength(run) === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["warmup"],
        message: problemText("scenario.warmup", {
          length: hasDuration ? "duration" : "requests",
          got: showValue(run.warmup),
        }),
      });
    }
  })
  // The refinement above in JSON Schema's words: exactly one of the two lengths, the warm-up in its unit.
  .meta({
    oneOf: [
      { required: ["duration"], not: { required: ["requests"] }, properties: { warmup: durationJson } },
      {
        required: ["requests"],
        not: { required: ["duration"] },
        properties: { warmup: { type: "integer", minimum: 0 } },
      },
    ],
  })
  .transform(
    (run): RunSpec => ({
      length:
        run.duration !== undefined
          ? { kind: "time", duration: run.duration }
          : { kind: "requests", count: run.requests! },
      warmup: warmupLength(run)!,
      limits: { ...run.limits },
      ...(run.replications === undefined ? {} : { replications: run.replications }),
      ...(run.trace === undefined
        ? {}
        : { trace: { sample: run.trace.sample, max: run.trace.max ?? DEFAULT_TRACE_MAX } }),
      ...(run.precision === undefined
        ? {}
        : {
            precision: {
              metric: run.precision.metric,
              relative: run.precision.relative,
              minReplications: run.precision.minReplications ?? 3,
              maxReplications: run.precision.maxReplications ?? 50,
            },
          }),
    }),
  )
  .describe(
    'How long to run: { "duration": "60s", "warmup": "5s" } or { "requests": 100000, "warmup": 1000 }. The warm-up comes first and is never measured; every statistic covers the measured part only.',
  );

/** The warm-up in the run's unit, or undefined when it is given in the other one. */
function warmupLength(run: { duration?: number; warmup?: number | string }): RunLength | undefined {
  const warmup = run.warmup ?? 0;
  if (run.duration !== undefined) {
    const duration =
      typeof warmup === "number" ? (warmup >= 0 ? warmup : undefined) : durationStringSeconds(warmup);
    return duration === undefined ? undefined : { kind: "time", duration };
  }
  return typeof warmup === "number" && Number.isInteger(warmup) && warmup >= 0
    ? { kind: "requests", count: warmup }
    : undefined;
}
