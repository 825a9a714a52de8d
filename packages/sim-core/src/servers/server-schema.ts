/** A server: cores with an OS scheduler, one architecture, and the kernel's accept queue in front. */
import { z } from "zod";
import { durationSchema } from "../scenario/duration";
import { nearestName } from "../scenario/nearest-name";
import { problemText } from "../scenario/problem-text";
import { showValue } from "../scenario/show-value";
import type { OnOverflow } from "./accept-queue";
import type { Affinity } from "./cpu-scheduler";
import {
  DEFAULT_ACCEPT_BACKLOG,
  DEFAULT_CONNECTION_MEMORY,
  DEFAULT_CONTEXT_SWITCH,
  DEFAULT_MIGRATION,
  DEFAULT_MIN_TIMESLICE,
  DEFAULT_PROCESS_MEMORY,
  DEFAULT_THREAD_MEMORY,
  DEFAULT_TIMESLICE,
} from "./server-defaults";

/** `workers` processes of one thread each, non-blocking, at most `connections` open per worker (NGINX, Node). */
export type EventLoopArchitecture = {
  kind: "event-loop";
  workers: number;
  connections: number;
  gil: boolean;
};
/** One process, `threads` blocking threads and a bounded `queue`; full → rejected (503) (Tomcat). */
export type ThreadPoolArchitecture = { kind: "thread-pool"; threads: number; queue: number; gil: boolean };
/** `workers` processes, one blocking request at a time each (Gunicorn sync). */
export type PreforkArchitecture = { kind: "prefork"; workers: number; gil: boolean };
/** One process whose `threads` non-blocking threads share all its connections' work (HAProxy). */
export type ThreadsArchitecture = { kind: "threads"; threads: number; connections: number; gil: boolean };

/** How a server's processes and threads take requests (DESIGN.md, "server"). */
export type Architecture =
  | EventLoopArchitecture
  | ThreadPoolArchitecture
  | PreforkArchitecture
  | ThreadsArchitecture;

export interface ServerComponent {
  type: "server";
  cores: number;
  timeslice: number; // seconds: the slice while one or two threads share a core
  minTimeslice: number; // seconds: the floor as slices shrink with more runnable threads
  contextSwitch: number; // seconds of core time per switch
  migration: number; // seconds of core time when a thread resumes on another core
  affinity: Affinity;
  architecture: Architecture;
  acceptBacklog: number; // listen backlog; the kernel caps it at somaxconn (4096)
  onOverflow: OnOverflow;
  /** Resident bytes per process, per thread and per open connection, for peakMemory. */
  memory: { process: number; thread: number; connection: number };
}

const KINDS = ["event-loop", "thread-pool", "prefork", "threads"];

const gil = z
  .boolean()
  .default(false)
  .describe(
    "Only one thread of a process runs CPU work at a time, handing over every 5 ms while others wait (CPython's GIL). Default false.",
  );

const eventLoop = z
  .strictObject({
    kind: z.literal("event-loop"),
    workers: z
      .int()
      .positive()
      .default(1)
      .describe("Worker processes, one thread each (NGINX worker_processes). Default 1."),
    connections: z
      .int()
      .positive()
      .default(512)
      .describe(
        "Most open connections per worker (NGINX worker_connections, default 512); more wait in the accept queue.",
      ),
    gil,
  })
  .describe(
    "Worker processes of one non-blocking thread each: a wait frees the thread for other requests (NGINX, Node).",
  );

const threadPool = z
  .strictObject({
    kind: z.literal("thread-pool"),
    threads: z
      .int()
      .positive()
      .default(200)
      .describe("Most threads, started as needed (Tomcat maxThreads, default 200)."),
    queue: z
      .int()
      .nonnegative()
      .default(100)
      .describe(
        "Accepted connections that may wait for a thread (Tomcat acceptCount, default 100); one more is rejected (HTTP 503, requests.failed.rejected).",
      ),
    gil,
  })
  .describe("One process with a pool of blocking threads and a bounded queue (Tomcat).");

const prefork = z
  .strictObject({
    kind: z.literal("prefork"),
    workers: z
      .int()
      .positive()
      .default(1)
      .describe("Worker processes, each serving one request at a time (Gunicorn --workers, default 1)."),
    gil,
  })
  .describe(
    "Processes of one blocking thread each, taking connections from the accept queue (Gunicorn sync workers).",
  );

const threads = z
  .strictObject({
    kind: z.literal("threads"),
    threads: z
      .int()
      .positive()
      .optional()
      .describe("Threads of the one process (HAProxy nbthread). Default: one per core."),
    connections: z
      .int()
      .positive()
      .default(4096)
      .describe(
        "Most open connections in the process (HAProxy maxconn); more wait in the accept queue. Default 4096.",
      ),
    gil,
  })
  .describe("One process whose non-blocking threads share the work of all its connections (HAProxy).");

const architectureSchema = z
  .discriminatedUnion("kind", [eventLoop, threadPool, prefork, threads], {
    error: (issue) => {
      const kind = (issue.input as { kind?: unknown } | undefined)?.kind;
      return problemText("scenario.value", {
        allowed: KINDS,
        got: showValue(kind),
        near: typeof kind === "string" ? nearestName(kind, KINDS) : undefined,
      });
    },
  })
  .describe(
    'How the server takes requests: { "kind": "thread-pool", "threads": 200, "queue": 100 }, { "kind": "event-loop", "workers": 2, "connections": 512 }, { "kind": "prefork", "workers": 5 } or { "kind": "threads", "threads": 8 }.',
  );

const positiveDuration = durationSchema.refine((seconds) => seconds > 0, {
  error: (issue) =>
    problemText("scenario.too-small", { limit: "more than 0 seconds", got: showValue(issue.input) }),
});

const bytes = (fallback: number, what: string) =>
  z.int().nonnegative().default(fallback).describe(`Resident bytes per ${what}. Default ${fallback}.`);

export const serverSchema = z
  .strictObject({
    type: z.literal("server"),
    cores: z.int().positive().default(1).describe("CPU cores. Default 1."),
    timeslice: positiveDuration
      .default(DEFAULT_TIMESLICE)
      .describe(
        "Round-robin time slice of the OS scheduler. Default 3ms (Linux CFS: 6 ms latency shared by runnable threads).",
      ),
    minTimeslice: positiveDuration
      .default(DEFAULT_MIN_TIMESLICE)
      .describe(
        "Shortest slice: with n > 2 threads runnable on a core each gets max(2 × timeslice / n, minTimeslice), as CFS divides sched_latency. Default 0.75ms (sched_min_granularity).",
      ),
    contextSwitch: durationSchema
      .default(DEFAULT_CONTEXT_SWITCH)
      .describe("Core time lost each time a core switches to another thread. Default 3us."),
    migration: durationSchema
      .default(DEFAULT_MIGRATION)
      .describe(
        "Core time lost refilling caches when a thread resumes on another core than before. Default 30us.",
      ),
    affinity: z
      .enum(["pinned", "floating"])
      .default("floating")
      .describe(
        '"floating" (default): the OS moves threads to idle cores; "pinned": each thread stays on one core (taskset, worker_cpu_affinity).',
      ),
    architecture: architectureSchema.default({ kind: "thread-pool", threads: 200, queue: 100, gil: false }),
    acceptBacklog: z
      .int()
      .positive()
      .default(DEFAULT_ACCEPT_BACKLOG)
      .describe(
        "Listen backlog: connections waiting for accept(). The kernel caps it at somaxconn (4096). Default 511.",
      ),
    onOverflow: z
      .enum(["drop", "reset"])
      .default("drop")
      .describe(
        'When the accept queue is full: "drop" (Linux default) ignores the handshake so the client retries after 1, 3, 7, 15, 31 s; "reset" answers RST (requests.failed.reset).',
      ),
    memory: z
      .strictObject({
        process: bytes(DEFAULT_PROCESS_MEMORY, "process"),
        thread: bytes(DEFAULT_THREAD_MEMORY, "thread (its stack)"),
        connection: bytes(DEFAULT_CONNECTION_MEMORY, "open connection"),
      })
      .default({
        process: DEFAULT_PROCESS_MEMORY,
        thread: DEFAULT_THREAD_MEMORY,
        connection: DEFAULT_CONNECTION_MEMORY,
      })
      .describe("Memory figures behind the result's peakMemory."),
  })
  .transform((s): ServerComponent => {
    const a = s.architecture;
    const architecture: Architecture =
      a.kind === "threads"
        ? { kind: "threads", threads: a.threads ?? s.cores, connections: a.connections, gil: a.gil }
        : a;
    return { ...s, architecture };
  })
  .describe(
    'A machine with cores and an OS scheduler running one architecture: { "type": "server", "cores": 2, "architecture": { "kind": "thread-pool", "threads": 200, "queue": 100 } }.',
  );
