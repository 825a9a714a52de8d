// The one base for things that queue: a contract every user of it passes — the line in its own
// right under each discipline, and the lines that stations, pools, a thread pool's queue and the
// accept queue build for themselves (their discipline, capacity and patience as they configure them).
import { describe, expect, test } from "vitest";
import type { ComponentContext } from "../../../packages/sim-core/src/component/component";
import type { RequestFlow } from "../../../packages/sim-core/src/component/request-flow";
import { Simulation } from "../../../packages/sim-core/src/kernel/simulation";
import { poolKind } from "../../../packages/sim-core/src/pools/pool-kind";
import type { Discipline } from "../../../packages/sim-core/src/queues/disciplines/discipline";
import { WaitingLine } from "../../../packages/sim-core/src/queues/waiting-line";
import { randomStream } from "../../../packages/sim-core/src/random/streams";
import { AcceptQueue } from "../../../packages/sim-core/src/servers/accept-queue";
import { serverKind } from "../../../packages/sim-core/src/servers/server-kind";
import { serverSchema } from "../../../packages/sim-core/src/servers/server-schema";
import { stationKind } from "../../../packages/sim-core/src/stations/station-kind";
import { Request } from "../../../packages/sim-core/src/workload/request";

/** A line as one of its users builds it, and how that user joins it. */
interface LineUnderTest {
  sim: Simulation;
  line: WaitingLine;
  discipline: Discipline;
  capacity: number;
  /** The patience the user gives each waiter (Infinity: nobody reneges). */
  patience: number;
  reneged: Request[];
}

const noop = () => {};
function context(sim: Simulation, reneged: Request[]): ComponentContext {
  const flow = {
    measuring: true,
    done: noop,
    reject: (request: Request) => reneged.push(request),
    enter: noop,
    forward: noop,
    spawn: () => new Request(),
  } as unknown as RequestFlow;
  return { sim, rng: randomStream(1, "test"), flow, components: new Map() };
}

const lineOf = (component: unknown): WaitingLine => (component as { line: WaitingLine }).line;

function direct(
  discipline: Discipline,
  capacity = Number.POSITIVE_INFINITY,
  patience = Number.POSITIVE_INFINITY,
) {
  return (): LineUnderTest => {
    const sim = new Simulation();
    const reneged: Request[] = [];
    // Only a line whose waiters may renege needs a handler (and keeps entries rather than requests).
    const handler =
      patience === Number.POSITIVE_INFINITY ? null : { onRenege: (r: Request) => reneged.push(r) };
    const line = new WaitingLine(sim, discipline, { measuring: true }, capacity, handler);
    return { sim, line, discipline, capacity, patience, reneged };
  };
}

function station(discipline: "fcfs" | "lifo" | "priority" | "deadline") {
  return (): LineUnderTest => {
    const sim = new Simulation();
    const reneged: Request[] = [];
    const component = stationKind.create(
      "q",
      { type: "station", servers: 1, discipline },
      context(sim, reneged),
    );
    const lineDiscipline = discipline === "fcfs" ? "fifo" : discipline;
    return {
      sim,
      line: lineOf(component),
      discipline: lineDiscipline,
      capacity: Infinity,
      patience: Infinity,
      reneged,
    };
  };
}

function pool(): LineUnderTest {
  const sim = new Simulation();
  const reneged: Request[] = [];
  const spec = { type: "pool" as const, mode: "pool" as const, size: 1, queue: 3, acquireTimeout: 0.5 };
  const component = poolKind.create("p", spec, context(sim, reneged));
  return { sim, line: lineOf(component), discipline: "fifo", capacity: 3, patience: 0.5, reneged };
}

function threadPoolQueue(): LineUnderTest {
  const sim = new Simulation();
  const reneged: Request[] = [];
  const spec = serverSchema.parse({
    type: "server",
    architecture: { kind: "thread-pool", threads: 1, queue: 4 },
  });
  const server = serverKind.create("web", spec, context(sim, reneged));
  const line = (server as unknown as { architecture: { ownQueue: WaitingLine } }).architecture.ownQueue;
  return { sim, line, discipline: "fifo", capacity: 4, patience: Infinity, reneged };
}

function acceptQueue(): LineUnderTest {
  const sim = new Simulation();
  const owner = { onRetransmit: noop, onConnectFailed: noop };
  const queue = new AcceptQueue(sim, 5, "reset", owner, { measuring: true });
  return { sim, line: queue.line, discipline: "fifo", capacity: 5, patience: Infinity, reneged: [] };
}

const USERS: [string, () => LineUnderTest][] = [
  ["a FIFO line", direct("fifo", 3)],
  ["a LIFO line", direct("lifo")],
  ["a priority line", direct("priority")],
  ["a deadline line", direct("deadline")],
  ["a FIFO line whose waiters renege", direct("fifo", 3, 0.5)],
  ["a LIFO line whose waiters renege", direct("lifo", Number.POSITIVE_INFINITY, 0.5)],
  ["a priority line whose waiters renege", direct("priority", 4, 0.5)],
  ["a deadline line whose waiters renege", direct("deadline", Number.POSITIVE_INFINITY, 0.5)],
  ["an FCFS station", station("fcfs")],
  ["a LIFO station", station("lifo")],
  ["a priority station", station("priority")],
  ["a deadline station", station("deadline")],
  ["a connection pool", pool],
  ["a thread pool's queue", threadPoolQueue],
  ["the accept queue", acceptQueue],
];

function request(id: number, priority = 0, deadline = Number.POSITIVE_INFINITY): Request {
  const r = new Request();
  r.id = id;
  r.priority = priority;
  r.deadline = deadline;
  return r;
}

/** The order this discipline serves waiters that joined in id order with these priorities and deadlines. */
function expectedOrder(discipline: Discipline, waiters: Request[]): number[] {
  const ranked = [...waiters];
  if (discipline === "lifo") ranked.reverse();
  if (discipline === "priority") ranked.sort((a, b) => b.priority - a.priority || a.id - b.id);
  if (discipline === "deadline") ranked.sort((a, b) => a.deadline - b.deadline || a.id - b.id);
  return ranked.map((r) => r.id);
}

function takeAll(line: WaitingLine): number[] {
  const order: number[] = [];
  for (let r = line.take(); r !== null; r = line.take()) order.push(r.id);
  return order;
}

describe.each(USERS)("the waiting line of %s", (_name, build) => {
  test("serves waiters in its discipline's order (FIFO, LIFO, priority, deadline), ties first come first served", () => {
    const { line, discipline, capacity } = build();
    const count = Math.min(capacity, 6);
    const waiters = Array.from({ length: count }, (_, i) =>
      request(i, [1, 3, 3, 2, 1, 3][i]!, [9, 4, 4, 7, 1, 9][i]!),
    );
    for (const w of waiters) expect(line.join(w)).toBe(true);
    expect(line.size).toBe(count);
    expect(takeAll(line)).toEqual(expectedOrder(discipline, waiters));
    expect(line.size).toBe(0);
  });

  test("refuses a waiter when full, counting the refusal, and takes one again once a place is free", (ctx) => {
    const { line, capacity } = build();
    ctx.skip(
      capacity === Number.POSITIVE_INFINITY,
      "unbounded here: a station bounds service and waiting together (stations/mm1k, erlang-b)",
    );
    for (let i = 0; i < capacity; i++) expect(line.join(request(i))).toBe(true);
    expect(line.join(request(99))).toBe(false);
    expect(line.rejected).toBe(1);
    expect(line.size).toBe(capacity);
    line.take();
    expect(line.join(request(100))).toBe(true);
  });

  test("a waiter whose patience runs out leaves the line, its wait counted, and is never served", (ctx) => {
    const { sim, line, patience, reneged } = build();
    ctx.skip(patience === Number.POSITIVE_INFINITY, "this user's waiters never give up");
    const early = request(1);
    const late = request(2);
    line.join(early, patience);
    sim.scheduleAt(patience / 2, { onEvent: () => line.join(late, patience) }, 0);
    sim.run(patience * 1.2);
    expect(reneged.map((r) => r.id)).toEqual([1]);
    expect(line.reneged).toBe(1);
    expect(early.wait).toBeCloseTo(patience, 12);
    expect(takeAll(line)).toEqual([2]); // the reneged waiter's place is skipped
    expect(line.size).toBe(0);
  });

  test("its statistics satisfy Little's law: mean length = joins per second × mean wait", () => {
    const { sim, line, capacity, patience } = build();
    // Poisson joins at 8/s and a server taking one waiter at exponential intervals of mean 1/10 s.
    const rng = randomStream(5, "little");
    const exp = (rate: number) => -Math.log(1 - rng.nextDouble()) / rate;
    let id = 0;
    const joins = {
      onEvent: () => {
        line.join(request(id++), patience);
        sim.schedule(exp(8), joins, 0);
      },
    };
    const takes = {
      onEvent: () => {
        line.take();
        sim.schedule(exp(10), takes, 0);
      },
    };
    sim.schedule(exp(8), joins, 0);
    sim.schedule(exp(10), takes, 0);
    sim.run(50);
    line.startMeasurement(sim.now);
    const start = sim.now;
    sim.run(start + 5000);
    const elapsed = sim.now - start;
    const left = line.served + line.reneged;
    // Waiters still in the line at the end have not left: over 5000 s they are a vanishing share.
    const lengthMean = line.length.mean(sim.now);
    const littles = (left / elapsed) * line.meanWait;
    expect(line.joined).toBeGreaterThan(30_000);
    expect(Math.abs(lengthMean - littles) / Math.max(lengthMean, 1e-9)).toBeLessThan(
      capacity < 10 ? 0.02 : 0.05,
    );
  });
});
