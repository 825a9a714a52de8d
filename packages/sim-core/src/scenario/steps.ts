/**
 * Request steps: what a request does, in order. `service` is served by the entry station,
 * `cpu` and `io` run on a server, `call` visits another component. Which step may run where is
 * checked against the components in references.ts.
 */
import { z } from "zod";
import { publishStepSchema } from "../jobs/publish-schema";
import { distributionSchema } from "./distribution";
import type { Step } from "./model";
import { nearestName } from "./nearest-name";
import { problemText } from "./problem-text";
import { showValue } from "./show-value";

const STEP_KEYS = ["service", "cpu", "io", "call", "publish", "fanout"];

const service = z
  .strictObject({ service: distributionSchema.describe("Service time at the station.") })
  .transform((s): Step => ({ kind: "service", duration: s.service }))
  .describe(
    'Served by the entry station for a time drawn from the distribution: { "service": { "exp": "1s" } }.',
  );

const cpu = z
  .strictObject({ cpu: distributionSchema.describe("CPU time needed.") })
  .transform((s): Step => ({ kind: "cpu", duration: s.cpu }))
  .describe('Needs a core of the server for this much CPU time: { "cpu": "2ms" }.');

const io = z
  .strictObject({ io: distributionSchema.describe("Time waiting on I/O.") })
  .transform((s): Step => ({ kind: "io", duration: s.io }))
  .describe(
    'Waits on I/O for this long; a blocking architecture holds its thread meanwhile, a non-blocking one frees it: { "io": "20ms" }.',
  );

const call = z
  .strictObject({
    call: z.string().min(1).describe("Name of the component called (a key of `components`)."),
    hold: distributionSchema
      .optional()
      .describe("How long a called station or pool serves the request. Required for a station or a pool."),
    get steps(): z.ZodOptional<z.ZodArray<z.ZodType<Step, unknown>>> {
      return z
        .array(stepSchema)
        .optional()
        .describe("What a called server does for the request. Required for a server.");
    },
  })
  .transform((s): Step => {
    const step: Step = { kind: "call", target: s.call };
    if (s.hold !== undefined) step.hold = s.hold;
    if (s.steps !== undefined) step.steps = s.steps;
    return step;
  })
  .describe(
    'Visits another component and waits for it: { "call": "db", "hold": { "exp": "5ms" } } for a station or pool; { "call": "api", "steps": [ … ] } for a server.',
  );

// The task and the polls nest steps of their own: the step schema is read once it exists.
const publish = publishStepSchema(z.lazy(() => stepSchema));

const fanout = z
  .strictObject({
    fanout: z
      .strictObject({
        call: z
          .string()
          .min(1)
          .describe("Name of the component each copy calls (a balancer, to spread them)."),
        hold: distributionSchema.optional().describe("How long a called station or pool serves each copy."),
        get steps(): z.ZodOptional<z.ZodArray<z.ZodType<Step, unknown>>> {
          return z.array(stepSchema).optional().describe("What a called server does for each copy.");
        },
        count: z.int().min(1).max(10000).describe("How many calls go out at once."),
        wait: z
          .int()
          .min(1)
          .max(10000)
          .optional()
          .describe(
            "How many answers the request waits for (the first k), at most `count`. Default: all of them.",
          ),
      })
      .superRefine((f, ctx) => {
        if (f.wait !== undefined && f.wait > f.count) {
          ctx.addIssue({
            code: "custom",
            path: ["wait"],
            message: problemText("scenario.too-large", {
              limit: `at most count (${f.count})`,
              got: String(f.wait),
            }),
          });
        }
      })
      .describe("The calls a fan-out sends in parallel."),
  })
  .transform((s): Step => {
    const f = s.fanout;
    const step: Step = { kind: "fanout", target: f.call, count: f.count, wait: f.wait ?? f.count };
    if (f.hold !== undefined) step.hold = f.hold;
    if (f.steps !== undefined) step.steps = f.steps;
    return step;
  })
  .describe(
    'Calls a component `count` times in parallel and waits for `wait` answers (default all): { "fanout": { "call": "shards", "hold": { "exp": "10ms" }, "count": 100 } }. A failure the request cannot do without fails it.',
  );

export const stepSchema: z.ZodType<Step, unknown> = z
  .union([service, cpu, io, call, publish, fanout], {
    error: (issue) => {
      const input = issue.input;
      const keys =
        input !== null && typeof input === "object" && !Array.isArray(input) ? Object.keys(input) : [];
      const unknown = keys.find((key) => !STEP_KEYS.includes(key));
      return problemText("scenario.step", {
        got: showValue(input),
        near: unknown === undefined ? undefined : nearestName(unknown, STEP_KEYS),
      });
    },
  })
  .meta({
    id: "Step",
    description: "One step of a request: an object with one of service, cpu, io, call, publish or fanout.",
  });
