/** A pool of worker processes consuming a broker: Celery's concurrency, prefetch and acks. */
import { z } from "zod";
import { type OutageTiming, outageListSchema } from "../failures/outage-schema";

export interface WorkersComponent {
  type: "workers";
  broker?: string; // absent: the scenario's only broker
  processes?: number; // absent: its server's cores, or 1
  server?: string; // a server whose cores its `cpu` steps compete for
  prefetch: number; // multiplier; 0 = unlimited
  acks: "early" | "late";
  optimization: "fair" | "default";
  rejectOnWorkerLost: boolean;
  crash: "worker" | "children";
  outages: OutageTiming[]; // a crash kills the workers: no "mode" to choose
  results?: string; // a result backend each execution stores its result in
  priority?: number; // consumer priority; absent: 0
}

// Celery's defaults: worker_prefetch_multiplier 4, acks before the task runs, -Ofair since 4.0.
const PREFETCH = 4;

// RabbitMQ's x-priority is an AMQP signed 32-bit integer.
const MAX_PRIORITY = 2 ** 31 - 1;

/** Each process has its own slot in the workers' arrays; as many as a server may run (servers/server-schema.ts). */
const MAX_PROCESSES = 4096;

export const workersSchema = z
  .strictObject({
    type: z.literal("workers"),
    broker: z
      .string()
      .min(1)
      .optional()
      .describe(
        "The broker whose tasks these workers run (a key of `components`). Default: the scenario's broker, when it has exactly one.",
      ),
    processes: z
      .int()
      .positive()
      .max(MAX_PROCESSES)
      .optional()
      .describe(
        "Processes, each running one task at a time (Celery --concurrency). Default: its server's cores (as Celery's default, the CPU count), or 1.",
      ),
    server: z
      .string()
      .min(1)
      .optional()
      .describe(
        "A server (a key of `components`) the workers run on: their `cpu` steps need its cores, shared with whatever else runs there. Default: none (a `cpu` step holds the process like `service`).",
      ),
    prefetch: z
      .int()
      .nonnegative()
      .default(PREFETCH)
      .describe(
        "Prefetch multiplier (Celery worker_prefetch_multiplier): at most prefetch × processes messages held unacked. 0: unlimited. Default 4.",
      ),
    acks: z
      .enum(["early", "late"])
      .default("early")
      .describe(
        '"early" (Celery\'s default): a task is acked just before it runs, so a crash loses it; "late" (acks_late): acked after it finishes, so a crash leaves it to be delivered again.',
      ),
    priority: z
      .int()
      .min(-MAX_PRIORITY)
      .max(MAX_PRIORITY)
      .optional()
      .describe(
        "Consumer priority (RabbitMQ's x-priority consumer argument, https://www.rabbitmq.com/docs/consumer-priority): the broker gives each message to a consumer of the highest priority that has room in its prefetch window, and to lower ones only while every higher one is full; consumers of equal priority take turns. Default 0.",
      ),
    optimization: z
      .enum(["fair", "default"])
      .default("fair")
      .describe(
        '"fair" (Celery -Ofair, the default since 4.0): a reserved task goes to the first idle process; "default": reserved tasks are handed to processes in turn as they arrive, so one can wait behind a long task while another process idles.',
      ),
    rejectOnWorkerLost: z
      .boolean()
      .default(false)
      .describe(
        'With late acks and crash "children": a task whose process was killed is requeued (true) rather than acked and lost (false, Celery\'s default).',
      ),
    crash: z
      .enum(["worker", "children"])
      .default("worker")
      .describe(
        'What an outage kills: "worker" (the machine; nothing is acked, unacked messages come back after the visibility timeout) or "children" (the pool\'s processes; the main process acks or requeues their tasks and keeps its reserved ones).',
      ),
    results: z
      .string()
      .min(1)
      .optional()
      .describe(
        "A result backend (a key of `components`) each execution stores its result in before the process is free. Default: none.",
      ),
    outages: outageListSchema(
      {
        at: "When the crash happens, in simulated time from the start of the run (warm-up included).",
        for: "How long until the workers are back.",
        item: 'A crash: scheduled, { "at": "60s", "for": "30s" }, or random, { "mtbf": "10m", "mttr": "30s" }.',
      },
      {},
    )
      .default([])
      .describe(
        'When the workers crash: [ { "at": "60s", "for": "30s" } ] or [ { "mtbf": "10m", "mttr": "30s" } ].',
      ),
  })
  .transform((w): WorkersComponent => {
    const { broker, results, processes, server, priority, ...rest } = w;
    const spec: WorkersComponent = rest;
    if (broker !== undefined) spec.broker = broker;
    if (results !== undefined) spec.results = results;
    if (processes !== undefined) spec.processes = processes;
    if (server !== undefined) spec.server = server;
    // Only a priority other than 0 is kept, so that a scenario without one keeps its hash.
    if (priority !== undefined && priority !== 0) spec.priority = priority;
    return spec;
  })
  .describe(
    'Worker processes running the tasks of a broker: { "type": "workers", "broker": "jobs", "processes": 4, "prefetch": 4, "acks": "early" }.',
  );
