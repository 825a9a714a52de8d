/**
 * The publish step: a request hands a task to a broker (or to an exchange, which copies it into
 * every bound broker) and then learns of its result by polling, long polling, a push
 * notification, or not at all. Built from the step schema it nests in (a task has steps of its
 * own), so that this file does not import the step list back.
 */
import { z } from "zod";
import { distributionSchema } from "../scenario/distribution";
import { durationSchema, positiveDurationJson } from "../scenario/duration";
import type { Step, TaskRetrySpec, TaskSpec, WaitCall, WaitSpec } from "../scenario/model";
import { problemText } from "../scenario/problem-text";
import { showValue } from "../scenario/show-value";

// Celery's defaults: max_retries 3, default_retry_delay 3 min, retry_backoff_max 600 s, retry_jitter on.
const MAX_RETRIES = 3;
const RETRY_DELAY = 180;
const BACKOFF_MAX = 600;
// SQS's longest long-poll wait (ReceiveMessage WaitTimeSeconds) is 20 s.
const LONG_POLL_TIMEOUT = 20;

const positiveDuration = durationSchema
  .refine((seconds) => seconds > 0, {
    error: (issue) =>
      problemText("scenario.too-small", { limit: "greater than 0", got: showValue(issue.input) }),
  })
  .meta(positiveDurationJson);

const retrySchema = z
  .strictObject({
    maxRetries: z
      .int()
      .nonnegative()
      .default(MAX_RETRIES)
      .describe("Retries after the first execution fails (Celery max_retries). Default 3."),
    countdown: durationSchema
      .default(RETRY_DELAY)
      .describe(
        "Delay before each retry when there is no backoff (Celery default_retry_delay). Default 180s.",
      ),
    backoff: durationSchema
      .default(0)
      .describe(
        "Exponential backoff factor: retry n (0, 1, 2, …) waits backoff × 2^n, capped (Celery retry_backoff; true there is 1s). Default 0: no backoff, wait `countdown`.",
      ),
    backoffMax: durationSchema
      .default(BACKOFF_MAX)
      .describe("Cap of the backoff (Celery retry_backoff_max). Default 600s."),
    jitter: z
      .boolean()
      .default(true)
      .describe(
        "Full jitter: each backoff is drawn uniformly between 0 and its value (Celery retry_jitter). Default true.",
      ),
  })
  .transform((r): TaskRetrySpec => ({ ...r }))
  .describe(
    'How a failed execution is retried, as Celery\'s autoretry_for: { "maxRetries": 5, "backoff": "1s", "backoffMax": "600s", "jitter": true }.',
  );

function taskSchema(step: z.ZodType<Step, unknown>) {
  return z
    .strictObject({
      name: z.string().min(1).default("task").describe('Name of the task (its class). Default "task".'),
      steps: z
        .array(step)
        .min(1)
        .describe(
          'What an execution does, on a process of the workers that take it: { "service": … } holds the process, { "io": … } waits holding it, { "call": … } visits another component.',
        ),
      priority: z
        .int()
        .nonnegative()
        .default(0)
        .describe(
          "Priority level on a broker with `priorities` levels (higher first; capped at the top level). Default 0.",
        ),
      countdown: durationSchema
        .default(0)
        .describe(
          "Delayed delivery: the message becomes visible this long after it is published. Default 0.",
        ),
      fails: z
        .number()
        .min(0)
        .max(1)
        .default(0)
        .describe("Probability that an execution raises an error (retried as `retry` says). Default 0."),
      retry: retrySchema.optional(),
      timeLimit: positiveDuration
        .optional()
        .describe(
          "Hard time limit (Celery time_limit): an execution still running after this long is killed and the task fails, without retry. Default: none.",
        ),
      idempotent: z
        .boolean()
        .default(false)
        .describe(
          "Whether a task already done does nothing when delivered again (false: a duplicate delivery does the work twice, counted in duplicatesExecuted). Default false.",
        ),
      overlap: z
        .enum(["allow", "skip"])
        .optional()
        .describe(
          'What a scheduled (cron) publish does while the previous run of this publish step is unfinished — waiting, running or due for a retry: "allow" (default) publishes another run beside it; "skip" publishes nothing, counted in the broker\'s `skipped`, and the request goes on at once (Kubernetes CronJob concurrencyPolicy Forbid, APScheduler max_instances 1).',
        ),
    })
    .transform((t): TaskSpec => {
      const task: TaskSpec = {
        name: t.name,
        steps: t.steps,
        priority: t.priority,
        countdown: t.countdown,
        fails: t.fails,
        timeLimit: t.timeLimit ?? Number.POSITIVE_INFINITY,
        idempotent: t.idempotent,
      };
      // Only "skip" is kept, so that a scenario without it keeps its hash (and its run id).
      if (t.overlap === "skip") task.overlap = "skip";
      if (t.retry !== undefined) task.retry = t.retry;
      return task;
    })
    .describe("The task published: its steps run on the workers that consume the broker.");
}

function waitSchema(step: z.ZodType<Step, unknown>) {
  const request = {
    call: z.string().min(1).describe("The API component each poll calls (a key of `components`)."),
    hold: distributionSchema.optional().describe("How long a called station or pool serves each poll."),
    steps: z.array(step).optional().describe("What a called server does for each poll."),
  };
  const toCall = (w: { call: string; hold?: unknown; steps?: Step[] }): WaitCall => {
    const call: WaitCall = { kind: "call", target: w.call };
    if (w.hold !== undefined) call.hold = w.hold as WaitCall["hold"];
    if (w.steps !== undefined) call.steps = w.steps;
    return call;
  };
  const none = z
    .strictObject({
      by: z
        .literal("none")
        .describe("Fire and forget: the request goes on as soon as the task is published."),
    })
    .transform((): WaitSpec => ({ by: "none" }));
  const poll = z
    .strictObject({
      by: z.literal("poll").describe("Poll the API every `interval`."),
      interval: positiveDuration.describe("Time between polls, from when the previous one was sent."),
      ...request,
    })
    .transform((w): WaitSpec => ({ by: "poll", interval: w.interval, request: toCall(w) }));
  const longPoll = z
    .strictObject({
      by: z
        .literal("long-poll")
        .describe("Long-poll the API: it holds each poll until the result or `timeout`."),
      timeout: positiveDuration
        .default(LONG_POLL_TIMEOUT)
        .describe(
          "How long the API holds a poll before answering empty (SQS allows at most 20 s). Default 20s.",
        ),
      ...request,
    })
    .transform((w): WaitSpec => ({ by: "long-poll", timeout: w.timeout, request: toCall(w) }));
  const push = z
    .strictObject({
      by: z.literal("push").describe("The result is pushed over a connection the client holds open."),
      delay: distributionSchema
        .optional()
        .describe("Network delay of the notification over the open connection (SSE, WebSocket). Default 0."),
    })
    .transform((w): WaitSpec => ({ by: "push", delay: w.delay ?? { kind: "constant", value: 0 } }));
  return z
    .discriminatedUnion("by", [none, poll, longPoll, push])
    .describe(
      'How the client learns the task is done: { "by": "poll", "interval": "1s", "call": "api", "steps": [ … ] }, { "by": "long-poll", "timeout": "20s", "call": "api", "steps": [ … ] }, { "by": "push", "delay": "20ms" } or { "by": "none" } (fire and forget, the default). A publish to an exchange is always fire and forget: there is no one task to wait for.',
    );
}

/** The publish step's schema, nesting `step` for the task's and the polls' own steps. */
export function publishStepSchema(step: z.ZodType<Step, unknown>) {
  return z
    .strictObject({
      publish: z
        .string()
        .min(1)
        .describe(
          "The broker the task is published to (a key of `components`): point to point, one of its workers runs it. Or an exchange: every broker bound to it gets a copy, run by its own workers. Or a stream.",
        ),
      task: taskSchema(step),
      wait: waitSchema(step).optional(),
    })
    .transform(
      (s): Step => ({ kind: "publish", broker: s.publish, task: s.task, wait: s.wait ?? { by: "none" } }),
    )
    .describe(
      'Publishes a task to a broker and waits as `wait` says: { "publish": "jobs", "task": { "steps": [ { "service": "2s" } ] }, "wait": { "by": "poll", "interval": "1s", "call": "api", "steps": [ { "cpu": "1ms" } ] } }. The request goes on once the client knows the task is done.',
    );
}
