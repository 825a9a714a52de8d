/**
 * Every error a syslab user can see, in one place: a stable code, a title, a message built from
 * the details of the case, and a hint on what to do. The wording is part of the interface
 * (test/sim-core/errors/catalogue.test.ts pins it); codes never change once published.
 * Scenario problems put the action in the message itself, since each is shown on its own line.
 */
import type { Problem } from "./problem";
import { SyslabError } from "./syslab-error";

interface CatalogueEntry<P> {
  title: string;
  message: (params: P) => string;
  hint: string;
}

function entry<P = Record<string, never>>(e: CatalogueEntry<P>): CatalogueEntry<P> {
  return e;
}

const list = (names: readonly string[]) => (names.length === 0 ? "(none)" : names.join(", "));
const suggestion = (near: string | undefined) => (near === undefined ? "" : ` Did you mean "${near}"?`);
/** The component a call was passed through on its way to the one that does the work. */
type Via = { name: string; type: string } | undefined;
const through = (via: Via) => (via === undefined ? "" : ` (through the ${via.type} "${via.name}")`);

const DURATION_FORMS =
  'a number of seconds (0.005) or a string with a unit: "250ns", "150us", "5ms", "2s", "1m", "1h"';
const DISTRIBUTION_FORMS =
  'a duration ("5ms"), or one of { "exp": "5ms" }, { "uniform": ["1ms", "5ms"] }, { "normal": { "mean", "sd" } }, ' +
  '{ "lognormal": { "median", "p99" } }, { "lognormal": { "mu", "sigma" } }, { "erlang": { "k", "mean" } }, ' +
  '{ "hyperexp": { "mean", "scv" } }, { "pareto": { "scale", "shape" } }, { "empirical": [ … ] }';

export const errorCatalogue = {
  // ── The scenario as a whole ──────────────────────────────────────────────
  "scenario.invalid": entry<{ count: number }>({
    title: "Invalid scenario",
    message: ({ count }) =>
      count === 1 ? "The scenario has 1 problem." : `The scenario has ${count} problems.`,
    hint: "Fix each problem listed (each names its JSON path) and submit the scenario again.",
  }),
  "scenario.not-object": entry<{ got: string }>({
    title: "Scenario is not an object",
    message: ({ got }) =>
      `A scenario must be a JSON object such as { "version": 1, "run": …, "workload": …, "entry": …, "components": … }; got ${got}.`,
    hint: "Start from one of the scenarios in the examples folder.",
  }),
  "scenario.too-deep": entry<{ max: number }>({
    title: "Nested too deeply",
    message: ({ max }) =>
      `This value is nested more than ${max} levels of objects and lists deep; a scenario's deepest fields are about a dozen levels down. Remove the extra nesting.`,
    hint: "Look for a value wrapped in lists or objects by mistake, or calls nested inside calls far beyond any real system.",
  }),
  "scenario.too-many-values": entry<{ max: number }>({
    title: "Input too large",
    message: ({ max }) =>
      `The input holds more than ${max} values (objects, lists, strings and numbers together). Send a smaller one.`,
    hint: "A scenario describes a system in a few hundred values; long lists (empirical samples, rate segments) can be shortened.",
  }),
  "scenario.reserved-key": entry<{ key: string }>({
    title: "Reserved name",
    message: ({ key }) =>
      `"${key}" cannot be a field or a name: JavaScript reserves it, so it would be lost. Rename it.`,
    hint: "Names of components and fields may be any other string.",
  }),

  // ── Documents of any kind ────────────────────────────────────────────────
  "document.invalid": entry<{ count: number }>({
    title: "Invalid document",
    message: ({ count }) =>
      count === 1 ? "The document has 1 problem." : `The document has ${count} problems.`,
    hint: "Fix each problem listed (each names its JSON path) and submit the document again.",
  }),
  "document.kind": entry<{ got: string; kinds: string[]; near?: string }>({
    title: "Unknown document kind",
    message: ({ got, kinds, near }) =>
      kinds.length === 0
        ? `${got} is not a kind of document; leave "kind" out for a scenario.`
        : `${got} is not a kind of document; write "kind": ${kinds.map((k) => JSON.stringify(k)).join(" or ")}, or leave "kind" out for a scenario.${suggestion(near)}`,
    hint: "A scenario (no kind) is simulated; other kinds name what they are, such as a program for the explorer.",
  }),

  // ── One field at a time ──────────────────────────────────────────────────
  "scenario.required": entry<{ field: string; guide: string }>({
    title: "Missing field",
    message: ({ field, guide }) => `"${field}" is required. ${guide}`,
    hint: "Add the field; the scenario reference lists every field and its default.",
  }),
  "scenario.unknown-key": entry<{ key: string; allowed: string[]; near?: string }>({
    title: "Unknown field",
    message: ({ key, allowed, near }) =>
      `"${key}" is not a field here; the fields allowed are: ${list(allowed)}.${suggestion(near)} Remove it or fix its name.`,
    hint: "Fields are case-sensitive; unknown fields are rejected so that a typo never goes unnoticed.",
  }),
  "scenario.type": entry<{ expected: string; got: string }>({
    title: "Wrong type",
    message: ({ expected, got }) => `Must be ${expected}; got ${got}.`,
    hint: "Check the scenario reference for the field's type.",
  }),
  "scenario.too-small": entry<{ limit: string; got: string }>({
    title: "Value too small",
    message: ({ limit, got }) => `Must be ${limit}; got ${got}.`,
    hint: "Counts, rates and sizes must be positive; durations must not be negative.",
  }),
  "scenario.too-large": entry<{ limit: string; got: string }>({
    title: "Value too large",
    message: ({ limit, got }) => `Must be ${limit}; got ${got}.`,
    hint: "Check the scenario reference for the field's range.",
  }),
  "scenario.integer": entry<{ got: string }>({
    title: "Not a whole number",
    message: ({ got }) => `Must be a whole number; got ${got}.`,
    hint: "Counts (servers, users, requests, capacities) are whole numbers.",
  }),
  "scenario.value": entry<{ allowed: string[]; got: string; near?: string }>({
    title: "Value not allowed",
    message: ({ allowed, got, near }) =>
      `Must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}; got ${got}.${suggestion(near)}`,
    hint: "Values are case-sensitive.",
  }),
  "scenario.version": entry<{ got: string }>({
    title: "Unsupported scenario version",
    message: ({ got }) => `Must be 1, the only scenario format so far; got ${got}. Write "version": 1.`,
    hint: "The version names the scenario format, so that old scenarios keep their meaning.",
  }),
  "scenario.empty": entry<{ what: string }>({
    title: "Empty list",
    message: ({ what }) => `Must list at least one ${what}.`,
    hint: "An empty list leaves nothing to simulate.",
  }),

  "scenario.list-length": entry<{ length: number; got: string }>({
    title: "Wrong number of items",
    message: ({ length, got }) => `Must list exactly ${length} items; got ${got}.`,
    hint: "A uniform distribution takes two bounds: [min, max].",
  }),

  // ── Durations and distributions ──────────────────────────────────────────
  "scenario.duration": entry<{ got: string }>({
    title: "Invalid duration",
    message: ({ got }) => `${got} is not a duration; write ${DURATION_FORMS}.`,
    hint: 'A unit is always needed in a string: "5" is ambiguous, "5ms" is not. Durations are never negative.',
  }),
  "scenario.distribution": entry<{ got: string; near?: string }>({
    title: "Invalid distribution",
    message: ({ got, near }) =>
      `${got} is not a distribution; write ${DISTRIBUTION_FORMS}.${suggestion(near)}`,
    hint: "A bare duration is a constant; an object names the distribution by its single key.",
  }),
  "scenario.distribution-parameter": entry<{ distribution: string; problem: string }>({
    title: "Invalid distribution parameter",
    message: ({ distribution, problem }) => `In this ${distribution} distribution, ${problem}`,
    hint: "The scenario reference gives each distribution's parameters and their ranges.",
  }),

  // ── Structure of a scenario ──────────────────────────────────────────────
  "scenario.run-length": entry<{ got: string }>({
    title: "Run length missing or ambiguous",
    message: ({ got }) =>
      `The run needs exactly one of "duration" (simulated time, e.g. "60s") or "requests" (a count, e.g. 100000); got ${got}.`,
    hint: "The warm-up comes first and is never measured; the run length counts the measured part.",
  }),
  "scenario.warmup": entry<{ length: "duration" | "requests"; got: string }>({
    title: "Warm-up of the wrong kind",
    message: ({ length, got }) =>
      length === "duration"
        ? `A run measured by "duration" takes its warm-up as a duration too (e.g. "5s"); got ${got}.`
        : `A run measured by "requests" takes its warm-up as a count of requests too (e.g. 1000); got ${got}.`,
    hint: "Measure the warm-up in the same unit as the run.",
  }),
  "scenario.precision-metric": entry<{ got: string }>({
    title: "Unknown precision metric",
    message: ({ got }) =>
      `"metric" names the key figure to make precise: "latency.mean", "latency.p50", "latency.p90", "latency.p99", "wait.mean", "wait.p99", "throughput", "inSystem.mean" or "components.<name>.utilization"; got ${got}.`,
    hint: "The precision target is checked on the across-replication interval of that figure.",
  }),
  "scenario.replications-and-precision": entry({
    title: "Replications given twice",
    message: () =>
      'Give "replications" (a fixed count) or "precision" (replicate until precise), not both; "precision.minReplications" sets the count run before the first check.',
    hint: "A fixed count suits a quick look; a precision target suits a figure you will quote.",
  }),
  "scenario.precision-range": entry<{ min: number; max: number }>({
    title: "Replication range is empty",
    message: ({ min, max }) =>
      `"minReplications" (${min}) is more than "maxReplications" (${max}); raise the maximum or lower the minimum.`,
    hint: "The defaults are 3 and 50.",
  }),
  "scenario.workload-kind": entry<{ both: boolean }>({
    title: "Open or closed workload",
    message: ({ both }) =>
      both
        ? 'The workload has both "arrival" (open) and "clients" (closed); keep exactly one.'
        : 'The workload needs "arrival" (open: { "process": "poisson", "rate": 100 }) or "clients" (closed: { "users": 10, "think": "1s" }).',
    hint: "An open workload sends requests whatever the response time; a closed one waits for each reply.",
  }),
  "scenario.step": entry<{ got: string; near?: string }>({
    title: "Invalid step",
    message: ({ got, near }) =>
      `${got} is not a step; write { "service": <distribution> }, { "cpu": <distribution> }, { "io": <distribution> } or { "call": "<component>", "hold": <distribution> }.${suggestion(near)}`,
    hint: "A step is an object with one key naming what the request does next.",
  }),
  "scenario.component-type": entry<{ got: string; types: string[]; near?: string }>({
    title: "Unknown component type",
    message: ({ got, types, near }) =>
      `${got} is not a component type; the types are: ${list(types)}.${suggestion(near)}`,
    hint: 'Each component names its kind with "type".',
  }),
  "scenario.rate-segments": entry<{ problem: string }>({
    title: "Invalid piecewise rate",
    message: ({ problem }) =>
      `${problem} Write the rate as [{ "from": "0s", "rate": 100 }, { "from": "30s", "rate": 400 }, …].`,
    hint: "Each segment's rate holds from its `from` time until the next segment's.",
  }),
  "scenario.arrival-trace": entry<{ problem: string }>({
    title: "Invalid arrival trace",
    message: ({ problem }) =>
      `${problem} Write the trace as [0.5, "1.2s", { "at": "2s", "class": "search", "key": 7 }, …], in non-decreasing time.`,
    hint: "Each entry is the simulated time (from the start of the run) a request arrives at.",
  }),
  "scenario.flash-crowd": entry<{ problem: string }>({
    title: "Invalid flash crowd",
    message: ({ problem }) =>
      `${problem} Write a flash crowd as { "at": "60s", "for": "30s", "factor": 5, "ramp": "5s" }.`,
    hint: "The rate is multiplied by `factor` from `at` for `for`, rising and falling over `ramp`.",
  }),
  "scenario.unknown-class": entry<{ name: string; classes: string[]; near?: string }>({
    title: "Unknown request class",
    message: ({ name, classes, near }) =>
      `No request class is named "${name}"; the classes are: ${list(classes)}.${suggestion(near)}`,
    hint: "A trace's `class` names one of `workload.requests` by its `name`.",
  }),
  "scenario.duplicate-name": entry<{ name: string }>({
    title: "Duplicate request class",
    message: ({ name }) => `Another request class is already named "${name}"; give each class its own name.`,
    hint: "Results are reported per request class, by name.",
  }),

  "scenario.capacity": entry<{ capacity: number; servers: number }>({
    title: "Capacity below the number of servers",
    message: ({ capacity, servers }) =>
      `The capacity (${capacity}) counts requests in service and waiting, so it must be at least the number of servers (${servers}). For no queue at all (M/M/c/c) make it equal to servers.`,
    hint: "Leave capacity out for an unbounded queue.",
  }),

  // ── References between parts ─────────────────────────────────────────────
  "scenario.unknown-component": entry<{ name: string; components: string[]; near?: string }>({
    title: "Unknown component",
    message: ({ name, components, near }) =>
      `"${name}" is not a component; components are: ${list(components)}.${suggestion(near)} Add it under components or fix the name.`,
    hint: "Component names are the keys of `components`, case-sensitive.",
  }),
  "scenario.call-needs-hold": entry<{ target: string; type: string; via?: Via }>({
    title: "Call without hold",
    message: ({ target, type, via }) =>
      `A call to the ${type} "${target}"${through(via)} needs "hold": how long it serves the request, e.g. "hold": { "exp": "5ms" }.`,
    hint: "A station or pool serves a call for its hold time.",
  }),
  "scenario.call-needs-steps": entry<{ target: string; via?: Via }>({
    title: "Call without steps",
    message: ({ target, via }) =>
      `A call to the server "${target}"${through(via)} needs "steps": what the server does for it, e.g. "steps": [{ "cpu": "2ms" }].`,
    hint: "A server runs the steps given on the call.",
  }),
  "scenario.routing-cycle": entry<{ cycle: string[] }>({
    title: "Calls passed on in a circle",
    message: ({ cycle }) =>
      `These components pass calls on to each other in a circle: ${cycle.map((name) => `"${name}"`).join(" → ")}; a call would never reach a component that serves it. Point one of them at a station or a server.`,
    hint: "Pools, balancers and caches pass calls on; stations and servers serve them.",
  }),
  "scenario.call-extra": entry<{ target: string; type: string; field: string }>({
    title: "Field not used by this call",
    message: ({ target, type, field }) =>
      `A call to the ${type} "${target}" does not use "${field}"; remove it.`,
    hint: "A station or pool serves for `hold`; a server runs `steps`.",
  }),
  "scenario.step-not-here": entry<{ step: string; type: string; name: string; use: string }>({
    title: "Step not possible here",
    message: ({ step, type, name, use }) => `A "${step}" step cannot run at the ${type} "${name}"; ${use}`,
    hint: "A station serves `service` steps; a server runs `cpu` and `io` steps; any of them can `call`.",
  }),
  "scenario.publish-not-broker": entry<{ name: string; type: string }>({
    title: "Publish to something that is not a broker",
    message: ({ name, type }) =>
      `A task can be published only to a broker, an exchange or a stream; "${name}" is a ${type}.`,
    hint: 'Add { "type": "broker" } (workers take tasks from it), { "type": "exchange", "queues": [ … ] } (a copy for each bound broker) or { "type": "stream" } (consumer groups read it) to `components` and publish to it.',
  }),
  "scenario.publish-wait-exchange": entry<{ name: string }>({
    title: "Waiting on a fan-out",
    message: ({ name }) =>
      `A publish to the exchange "${name}" cannot wait for its task: every queue bound to it runs a copy of its own, and the publisher hears from none of them (RabbitMQ confirms only that the copies were queued, SNS only that the topic took the message). Remove "wait" to publish and go on, or publish to one broker to wait for its task.`,
    hint: "A publish to an exchange is fire and forget; waiting belongs to point-to-point publishes to a broker.",
  }),
  "scenario.exchange-queue-type": entry<{ name: string; type: string }>({
    title: "Exchange bound to something that is not a queue",
    message: ({ name, type }) =>
      `An exchange copies messages into brokers or other exchanges; "${name}" is a ${type}. Bind a { "type": "broker" } here and let workers consume it.`,
    hint: "Each bound broker is a subscriber's queue, consumed by its own workers.",
  }),
  "scenario.exchange-cycle": entry<{ cycle: string[] }>({
    title: "Exchanges bound in a circle",
    message: ({ cycle }) =>
      `These exchanges are bound to each other in a circle: ${cycle.map((name) => `"${name}"`).join(" → ")}; a message would be copied round it for ever. Bind one of them to brokers only.`,
    hint: "An exchange's `queues` may name other exchanges, as long as following them never leads back.",
  }),
  "scenario.duplicate-queue": entry<{ name: string }>({
    title: "Queue bound twice",
    message: ({ name }) =>
      `"${name}" is listed twice; a queue gets one copy of each message however many bindings lead to it, so list it once.`,
    hint: "Each queue in `queues` is one subscriber.",
  }),
  "scenario.workers-not-broker": entry<{ name: string; type: string }>({
    title: "Workers consuming something that is not a broker",
    message: ({ name, type }) =>
      type === "exchange"
        ? `Workers take tasks from a broker; "${name}" is an exchange, which holds no messages. Bind a broker to it (its "queues") and name that broker here.`
        : `Workers take tasks from a broker; "${name}" is a ${type}.`,
    hint: 'Name a { "type": "broker" } component in the workers\' "broker".',
  }),

  // ── Programs (the explorer) ──────────────────────────────────────────────
  "program.step": entry<{ got: string; near?: string }>({
    title: "Invalid program step",
    message: ({ got, near }) =>
      `${got} is not a step; write one of load, store, let, cas, fetchAdd, lock, unlock, tryLock, wait, notify, notifyAll, acquire, release, fence, yield, if, while or assert, e.g. { "load": "counter", "into": "r" }.${suggestion(near)}`,
    hint: "A step is an object whose first key names what the thread does next.",
  }),
  "program.expression": entry<{ got: string; reason: string }>({
    title: "Invalid expression",
    message: ({ got, reason }) =>
      `${got} is not an expression syslab reads: ${reason}. Write integers, names, + - *, comparisons (== != < <= > >=), && || ! and parentheses, e.g. "r + 1" or "a == 1 || b == 1".`,
    hint: "Expressions are parsed by syslab, never run as JavaScript.",
  }),
  "program.unknown-variable": entry<{ name: string; variables: string[]; near?: string }>({
    title: "Unknown shared variable",
    message: ({ name, variables, near }) =>
      `"${name}" is not a shared variable; the shared variables are: ${list(variables)}.${suggestion(near)} Declare it under "shared" (e.g. "shared": { "${name}": 0 }) or fix the name.`,
    hint: "Every shared variable is declared with its initial value under `shared`.",
  }),
  "program.shared-in-expression": entry<{ name: string }>({
    title: "Shared variable read without a load",
    message: ({ name }) =>
      `"${name}" is a shared variable, and a step's expression reads registers only, so that every read of shared memory is a step of its own. Load it first, e.g. { "load": "${name}", "into": "r" }, and use "r".`,
    hint: "Each load is a point where another thread may run; hiding it inside an expression would hide a race.",
  }),
  "program.unknown-semaphore": entry<{ name: string; semaphores: string[]; near?: string }>({
    title: "Unknown semaphore",
    message: ({ name, semaphores, near }) =>
      `"${name}" is not a semaphore; the semaphores are: ${list(semaphores)}.${suggestion(near)} Declare it with its permits under "semaphores" (e.g. "semaphores": { "${name}": 1 }).`,
    hint: "Mutexes and condition variables need no declaration; semaphores do, for their initial permits.",
  }),
  "program.unknown-thread": entry<{ name: string; threads: string[]; near?: string }>({
    title: "Unknown thread",
    message: ({ name, threads, near }) =>
      `"${name}" is not a thread with steps to copy; the threads with steps are: ${list(threads)}.${suggestion(near)}`,
    hint: "`copy` names another thread whose `steps` are written out.",
  }),
  "program.unknown-register": entry<{ name: string; thread: string; registers: string[]; near?: string }>({
    title: "Unknown register",
    message: ({ name, thread, registers, near }) =>
      `"${name}" is not a register of thread "${thread}"; its registers are: ${list(registers)}.${suggestion(near)} A register is set by a step's "into" or by "let".`,
    hint: "Registers are local to a thread and start at 0.",
  }),
  "program.duplicate-thread": entry<{ name: string }>({
    title: "Duplicate thread",
    message: ({ name }) => `Another thread is already named "${name}"; give each thread its own name.`,
    hint: "Schedules name threads, so names must be unique.",
  }),

  // ── Running ──────────────────────────────────────────────────────────────
  "limit.events": entry<{ limit: number; time: number }>({
    title: "Event limit reached",
    message: ({ limit, time }) =>
      `The run stopped after ${limit} events, at simulated time ${time} s, before reaching its end.`,
    hint: 'Shorten the run ("run.duration" or "run.requests"), lower the load, or raise "run.limits.maxEvents".',
  }),
  "limit.wall-time": entry<{ limit: number; time: number }>({
    title: "Wall-time limit reached",
    message: ({ limit, time }) =>
      `The run stopped after ${limit} s of real time, at simulated time ${time} s, before reaching its end.`,
    hint: 'Shorten the run or raise "run.limits.maxWallTime".',
  }),
  "limit.sim-time": entry<{ limit: number }>({
    title: "Simulated-time limit reached",
    message: ({ limit }) =>
      `The run reached ${limit} s of simulated time before measuring the requests it was asked for.`,
    hint: 'An overloaded system may never finish the requests asked for: lower the load, or raise "run.limits.maxSimTime".',
  }),

  "document.comparison": entry<{ detail: string }>({
    title: "Invalid comparison",
    message: ({ detail }) =>
      `A comparison is { "version": 1, "kind": "comparison", "a": scenario, "b": scenario }: ${detail}`,
    hint: "Each side is a whole scenario; both run on side a's seed, paired replication by replication.",
  }),
  "comparison.precision": entry({
    title: "No precision target in a comparison",
    message: () =>
      'A comparison pairs a fixed count of replications on both sides: give "replications" instead of "precision".',
    hint: "Both sides run on the same seeds, as many replications as the larger count asks (10 when neither does).",
  }),

  "limit.replications": entry<{ what: string; limit: string; done: number; planned: number }>({
    title: "Replications reached a limit",
    message: ({ what, limit, done, planned }) =>
      `The replications together reached the ${what} limit (${limit}) after ${done} of at most ${planned} replications; the limits bound each replication and all of them together.`,
    hint: 'Ask for fewer replications (or a looser "precision"), shorten each run, or raise "run.limits".',
  }),

  "limit.in-flight": entry<{ limit: number; time: number }>({
    title: "Too many requests in flight",
    message: ({ limit, time }) =>
      `More than ${limit} requests were in the system at once at simulated time ${time} s: arrivals outpace service, so the queues grow without bound.`,
    hint: 'Lower the arrival rate, add capacity, bound a queue ("capacity" on a station, "queue" on a thread pool), or raise "run.limits.maxInFlight".',
  }),

  "run.aborted": entry<{ time: number }>({
    title: "Run cancelled",
    message: ({ time }) => `The run was cancelled at simulated time ${time} s.`,
    hint: "Start the run again to get its result.",
  }),

  "limit.explorer": entry<{ budget: string; field: string; limit: number }>({
    title: "Search budget reached",
    message: ({ budget, field, limit }) =>
      `The search stopped at its ${budget} budget (search.${field}: ${limit}) before covering every schedule; the outcomes and violations listed are those found so far. Raise search.${field}, or use "strategy": "random" or "pct" to sample a program this big.`,
    hint: "A budget ends a search with what it found; it never hangs.",
  }),
  "limit.explorer-depth": entry<{ limit: number }>({
    title: "Execution too long",
    message: ({ limit }) =>
      `Some executions ran past ${limit} steps without finishing or repeating a state, and were cut there: the search is not exhaustive. A loop that counts up forever never repeats a state; bound it.`,
    hint: "The explorer finds loops by repeated states; one that changes a variable each time around is never seen to repeat.",
  }),

  // ── Input around a scenario (command line, HTTP API) ─────────────────────
  "input.json": entry<{ detail: string }>({
    title: "Not valid JSON",
    message: ({ detail }) => `The input is not valid JSON: ${detail}.`,
    hint: "Check for a missing comma or quote, or a trailing comma, near the position given.",
  }),
  "input.file": entry<{ file: string; reason: string }>({
    title: "File not readable",
    message: ({ file, reason }) => `Cannot read ${file}: ${reason}.`,
    hint: "Check the path and the file's permissions.",
  }),
  "input.arguments": entry<{ detail: string }>({
    title: "Invalid arguments",
    message: ({ detail }) => `${detail}`,
    hint: "Run with --help to see the options.",
  }),
  "sweep.path": entry<{ path: string; reason: string }>({
    title: "Invalid sweep path",
    message: ({ path, reason }) => `Cannot sweep "${path}": ${reason}.`,
    hint: "Write a dotted path into the scenario, e.g. components.web.servers or workload.arrival.rate.",
  }),
  "sweep.values": entry({
    title: "No sweep values",
    message: () => "A sweep needs at least one value.",
    hint: "List the values separated by commas, e.g. 1,2,4,8.",
  }),
} as const;

export type ErrorCode = keyof typeof errorCatalogue;
export type ErrorParams<C extends ErrorCode> = Parameters<(typeof errorCatalogue)[C]["message"]>[0];

/** The message of catalogue entry `code` for these details. */
export function catalogueMessage<C extends ErrorCode>(code: C, params: ErrorParams<C>): string {
  const render = errorCatalogue[code].message as (p: ErrorParams<C>) => string;
  const text = render(params);
  // Messages that open with the value they quote ("an object with …") still start a sentence.
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A SyslabError for catalogue entry `code`, ready to throw. */
export function catalogueError<C extends ErrorCode>(
  code: C,
  params: ErrorParams<C>,
  problems?: Problem[],
): SyslabError {
  const { title, hint } = errorCatalogue[code];
  return new SyslabError({ code, title, message: catalogueMessage(code, params), hint, problems });
}
