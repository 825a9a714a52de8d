/**
 * The program document as users write it, in zod: validated and normalized into a Program
 * (program-model.ts). Names, registers and expressions are checked apart, in program-references.ts.
 */
import { z } from "zod";
import { nearestName } from "../scenario/nearest-name";
import { problemText } from "../scenario/problem-text";
import { showValue } from "../scenario/show-value";
import type { Program, ProgramStep } from "./program-model";

// Seeds are 32-bit, as for scenarios.
const MAX_SEED = 2 ** 32 - 1;

const name = (what?: string) =>
  what === undefined ? z.string().min(1).max(100) : z.string().min(1).max(100).describe(what);
const expression = z
  .union([z.int(), z.string().min(1).max(500)])
  .describe('An integer, or an expression over registers such as "r + 1" or "f == 1 && t == 0".');

const STEP_KEYS = [
  "load",
  "store",
  "let",
  "cas",
  "fetchAdd",
  "lock",
  "unlock",
  "tryLock",
  "wait",
  "notify",
  "notifyAll",
  "acquire",
  "release",
  "fence",
  "yield",
  "if",
  "while",
  "assert",
];

const stepList = (): z.ZodArray<z.ZodType<ProgramStep, unknown>> => z.array(programStepSchema).max(1000);

const steps = {
  load: z
    .strictObject({ load: name(), into: name() })
    .describe('Reads a shared variable into a register: { "load": "counter", "into": "r" }.'),
  store: z
    .strictObject({ store: name(), value: expression })
    .describe('Writes a value to a shared variable: { "store": "counter", "value": "r + 1" }.'),
  let: z
    .strictObject({ let: name(), value: expression })
    .describe('Sets a register (local: not a scheduling point): { "let": "r", "value": "r + 1" }.'),
  cas: z
    .strictObject({
      cas: name(),
      expect: expression,
      value: expression,
      into: name().optional(),
    })
    .describe(
      'Atomically: if the variable equals `expect`, writes `value`; `into` gets 1 on success: { "cas": "x", "expect": "r", "value": "r + 1", "into": "ok" }.',
    ),
  fetchAdd: z
    .strictObject({
      fetchAdd: name(),
      by: expression.default(1),
      into: name().optional(),
    })
    .describe('Atomically adds to a shared variable: { "fetchAdd": "counter", "by": 1 }.'),
  lock: z
    .strictObject({ lock: name() })
    .describe('Takes a mutex, waiting while another thread holds it: { "lock": "m" }.'),
  unlock: z.strictObject({ unlock: name() }).describe('Releases a mutex: { "unlock": "m" }.'),
  tryLock: z
    .strictObject({ tryLock: name(), into: name() })
    .describe('Takes a mutex if it is free, never waiting: { "tryLock": "m", "into": "got" }.'),
  wait: z
    .strictObject({
      wait: name(),
      mutex: name(),
    })
    .describe('Releases the mutex and waits on the condition variable: { "wait": "c", "mutex": "m" }.'),
  notify: z
    .strictObject({ notify: name() })
    .describe('Wakes the longest-waiting thread on the condition variable: { "notify": "c" }.'),
  notifyAll: z
    .strictObject({ notifyAll: name() })
    .describe('Wakes every thread waiting on the condition variable: { "notifyAll": "c" }.'),
  acquire: z
    .strictObject({ acquire: name() })
    .describe('Takes a permit of a semaphore, waiting while there is none: { "acquire": "s" }.'),
  release: z
    .strictObject({ release: name() })
    .describe('Gives a permit back to a semaphore: { "release": "s" }.'),
  fence: z
    .strictObject({ fence: z.literal(true) })
    .describe(
      'A full memory fence: under TSO, waits until the thread\'s store buffer is drained: { "fence": true }.',
    ),
  yield: z
    .strictObject({ yield: z.literal(true) })
    .describe('Does nothing but offer the scheduler a switch: { "yield": true }.'),
  if: z
    .strictObject({
      if: expression,
      // biome-ignore lint/suspicious/noThenProperty: the `if` step of the program format names its branch `then`.
      get then() {
        return stepList();
      },
      get else() {
        return stepList().optional();
      },
    })
    .describe('Branches on registers: { "if": "r == 0", "then": [ … ], "else": [ … ] }.'),
  while: z
    .strictObject({
      while: expression,
      get do() {
        return stepList();
      },
    })
    .describe('Loops on registers: { "while": "r == 0", "do": [ { "load": "flag", "into": "r" } ] }.'),
  assert: z
    .strictObject({ assert: expression, message: z.string().max(200).optional() })
    .describe('Fails the execution if the register expression is 0: { "assert": "r == 1" }.'),
};

export const programStepSchema: z.ZodType<ProgramStep, unknown> = z
  .union(Object.values(steps), {
    error: (issue) => {
      const input = issue.input;
      const keys =
        input !== null && typeof input === "object" && !Array.isArray(input) ? Object.keys(input) : [];
      const known = keys.find((key) => STEP_KEYS.includes(key));
      const unknown = keys.find((key) => !STEP_KEYS.includes(key));
      return problemText("program.step", {
        got: showValue(input),
        near: known === undefined && unknown !== undefined ? nearestName(unknown, STEP_KEYS) : undefined,
      });
    },
  })
  .meta({
    id: "ProgramStep",
    description:
      "One atomic step of a thread: an object with one of load, store, let, cas, fetchAdd, lock, unlock, tryLock, wait, notify, notifyAll, acquire, release, fence, yield, if, while or assert.",
  }) as z.ZodType<ProgramStep, unknown>;

const thread = z.union([
  z
    .strictObject({ name: name("The thread's name, shown in schedules."), steps: stepList().min(1) })
    .describe("A thread and its steps, run in order."),
  z
    .strictObject({ name: name("The thread's name."), copy: name("Name of the thread whose steps it runs.") })
    .describe('A thread running the same steps as another: { "name": "B", "copy": "A" }.'),
]);

const search = z
  .strictObject({
    strategy: z
      .enum(["exhaustive", "random", "pct"])
      .default("exhaustive")
      .describe(
        '"exhaustive" (default): every schedule up to partial-order equivalence; "random": seeded random schedules; "pct": probabilistic concurrency testing, for programs too big to exhaust.',
      ),
    reduction: z
      .enum(["dpor", "none"])
      .default("dpor")
      .describe(
        '"dpor" (default): one execution per equivalence class of schedules; "none": every interleaving.',
      ),
    preemptions: z
      .int()
      .min(0)
      .max(10)
      .default(2)
      .describe(
        "Exhaustive search first runs with at most 0, 1, … this many preemptions (so each violation is first shown with the fewest), then without a bound. Default 2.",
      ),
    unbounded: z
      .boolean()
      .default(true)
      .describe(
        "Whether exhaustive search ends with a pass without a preemption bound (default true). With false, it covers only the schedules within `preemptions`.",
      ),
    seed: z.int().min(0).max(MAX_SEED).default(1).describe("Seed of random and PCT search. Default 1."),
    depth: z.int().min(1).max(10).default(3).describe("PCT's bug depth (change points plus one). Default 3."),
    maxExecutions: z
      .int()
      .min(1)
      .max(10_000_000)
      .default(100_000)
      .describe("Most executions explored. Default 100000."),
    maxStates: z
      .int()
      .min(1)
      .max(10_000_000)
      .default(1_000_000)
      .describe("Most distinct states recorded. Default 1000000."),
    maxSteps: z
      .int()
      .min(1)
      .max(1_000_000_000)
      .default(10_000_000)
      .describe("Most steps executed in all. Default 10000000."),
    maxWallTime: z
      .number()
      .positive()
      .max(3600)
      .default(10)
      .describe("Most seconds of real time. Default 10."),
  })
  .describe("How to search the program's schedules, and the budgets that end a search with a clear result.");

export const programSchema = z
  .strictObject({
    $schema: z.string().optional().describe("Optional: the URL of this JSON Schema, for editors. Ignored."),
    version: z
      .literal(1, { error: (issue) => problemText("scenario.version", { got: showValue(issue.input) }) })
      .describe("The document format's version: always 1."),
    kind: z.literal("program").describe('Always "program": a small concurrent program for the explorer.'),
    name: z.string().max(200).optional().describe("A title for the program."),
    description: z
      .string()
      .max(2000)
      .optional()
      .describe("What the program shows. Does not change the result."),
    memoryModel: z
      .enum(["sc", "tso"])
      .default("sc")
      .describe(
        '"sc" (default): sequential consistency; "tso": x86-TSO, a FIFO store buffer per thread that fences and locked read-modify-writes drain.',
      ),
    shared: z
      .record(name("Variable name."), z.int())
      .default({})
      .describe('Shared variables and their initial values: { "counter": 0 }.'),
    atomic: z
      .array(name("Shared variable."))
      .default([])
      .describe(
        "Shared variables whose loads and stores synchronise (atomics, Java volatile): they never race.",
      ),
    semaphores: z
      .record(name("Semaphore name."), z.int().min(0))
      .default({})
      .describe('Semaphores and their initial permits: { "slots": 2 }.'),
    spuriousWakeups: z
      .boolean()
      .default(false)
      .describe("Whether a thread waiting on a condition variable may wake without a notify. Default false."),
    storeBuffer: z
      .int()
      .min(1)
      .max(16)
      .default(4)
      .describe(
        "Entries in each thread's store buffer under TSO; a store waits while it is full. Default 4.",
      ),
    threads: z.array(thread).min(1).max(8).describe("The threads, at most 8."),
    check: z
      .strictObject({
        final: z
          .string()
          .min(1)
          .max(500)
          .optional()
          .describe(
            'An expression over shared variables that must hold when every thread has finished: "counter == 2".',
          ),
      })
      .default({})
      .describe("What must hold of every execution."),
    search: search.default(search.parse({})),
  })
  .transform((p): Program => {
    const program: Program = {
      version: 1,
      kind: "program",
      memoryModel: p.memoryModel,
      shared: p.shared,
      atomic: p.atomic,
      semaphores: p.semaphores,
      spuriousWakeups: p.spuriousWakeups,
      storeBuffer: p.storeBuffer,
      threads: p.threads,
      check: p.check,
      search: p.search,
    };
    if (p.name !== undefined) program.name = p.name;
    if (p.description !== undefined) program.description = p.description;
    return program;
  })
  .meta({ title: "syslab program (version 1)" });
