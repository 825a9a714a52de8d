// Pub/sub fan-out beside point-to-point: a publish to an exchange puts one copy in every bound
// broker, and each broker's workers run their own copies as an independent queue.
import { describe, expect, test } from "vitest";
import type { ExchangeStats, Result } from "../../../packages/sim-core/src/result/model";
import { parseScenario } from "../../../packages/sim-core/src/scenario/parse-scenario";
import { erlangC } from "../support/erlang-c";
import { runChecked } from "../support/run-checked";
import { broker, workers } from "./job-scenarios";

type Json = Record<string, unknown>;

interface Subscriber {
  processes: number;
  broker?: Json;
  workers?: Json;
}

interface FanOut {
  rate: number | { from: number; rate: number }[];
  task: Json;
  subscribers: Record<string, Subscriber>;
  duration: number;
  warmup?: number;
  seed?: number;
  /** The exchange's queues; default: every subscriber. */
  queues?: string[];
  extra?: Json;
}

/** Clients publish `task` to exchange "events", bound to one broker per subscriber, each with workers "<name>-work". */
function fanOut(s: FanOut): Json {
  const components: Json = { events: { type: "exchange", queues: s.queues ?? Object.keys(s.subscribers) } };
  for (const [name, sub] of Object.entries(s.subscribers)) {
    components[name] = { type: "broker", visibilityTimeout: "1h", ...sub.broker };
    components[`${name}-work`] = {
      type: "workers",
      broker: name,
      processes: sub.processes,
      prefetch: 1,
      ...sub.workers,
    };
  }
  return {
    version: 1,
    seed: s.seed ?? 1,
    run: { warmup: s.warmup ?? 0, duration: s.duration },
    workload: {
      arrival: { process: "poisson", rate: s.rate },
      requests: [{ name: "event", steps: [{ publish: "events", task: s.task }] }],
    },
    entry: "events",
    components: { ...components, ...s.extra },
  };
}

function run(input: Json): Result {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return runChecked(parsed.scenario);
}

const exchange = (result: Result, name = "events"): ExchangeStats =>
  result.components[name] as unknown as ExchangeStats;

/** Copies published to a queue and not yet started by its workers: its backlog at the end. */
const backlog = (result: Result, name: string) =>
  broker(result, name).published - workers(result, `${name}-work`).started;

describe("every bound queue gets its own copy", () => {
  // Publishing stops at 2,000 s and the run goes on until every copy is done.
  const result = run(
    fanOut({
      rate: [
        { from: 0, rate: 2 },
        { from: 2000, rate: 0 },
      ],
      task: { steps: [{ service: { exp: "1s" } }] },
      subscribers: { a: { processes: 3 }, b: { processes: 4 }, c: { processes: 8 } },
      duration: 4000,
      seed: 3,
    }),
  );
  const published = exchange(result).published;

  test("each queue is published exactly the exchange's count of copies", () => {
    expect(published).toBe(result.requests.arrived);
    expect(published).toBeGreaterThan(3500);
    for (const name of ["a", "b", "c"]) {
      expect(broker(result, name).published).toBe(published);
      expect(exchange(result).queues[name]!.published).toBe(published);
    }
    expect(exchange(result).routed).toBe(3 * published);
  });

  test("with 3 subscribers, executions and completions are 3 × published", () => {
    const executions = ["a", "b", "c"].map((name) => broker(result, name).executions);
    expect(executions.reduce((sum, n) => sum + n, 0)).toBe(3 * published);
    for (const name of ["a", "b", "c"]) {
      expect(workers(result, `${name}-work`).started).toBe(published);
      expect(exchange(result).queues[name]!.completed).toBe(published);
      expect(broker(result, name).duplicatesExecuted).toBe(0);
    }
  });

  test("the publisher waits for none of them: it is done as soon as the copies are queued", () => {
    expect(result.requests.completed).toBe(published);
    expect(result.latency.max).toBe(0);
  });
});

describe("subscribers are independent queues", () => {
  test("a subscriber beside an overloaded one is its own M/M/4 queue: its mean wait is Erlang C's", () => {
    // λ = 3.2, μ = 1: "fast" (c = 4, ρ = 0.8) beside "slow" (c = 2, offered 1.6 times its capacity).
    // The tolerance comes from the runs: ten seeds give ten mean waits, and their mean is held to
    // 5 standard errors (their sample deviation over √10) of the theory.
    const theory = erlangC(4, 3.2, 1);
    const means: number[] = [];
    for (let seed = 1; seed <= 10; seed++) {
      const result = run(
        fanOut({
          rate: 3.2,
          task: { steps: [{ service: { exp: "1s" } }] },
          subscribers: { fast: { processes: 4 }, slow: { processes: 2 } },
          duration: 8000,
          warmup: 500,
          seed: 100 + seed,
        }),
      );
      means.push(workers(result, "fast-work").wait.mean);
      expect(backlog(result, "slow")).toBeGreaterThan(5000);
    }
    const mean = means.reduce((sum, w) => sum + w, 0) / means.length;
    const variance = means.reduce((sum, w) => sum + (w - mean) ** 2, 0) / (means.length - 1);
    const standardError = Math.sqrt(variance / means.length);
    expect(standardError).toBeGreaterThan(0);
    expect(Math.abs(mean - theory.wq), `${mean} vs ${theory.wq} ± 5 × ${standardError}`).toBeLessThanOrEqual(
      5 * standardError,
    );
  });

  describe("a slow subscriber backs up only its own queue", () => {
    // Constant 1 s tasks: a queue's waits then depend only on the arrival times, which no
    // subscriber changes, so the fast queue's figures can be compared exactly with a run without the slow one.
    const scenario = (queues: string[]) =>
      fanOut({
        rate: 3.2,
        task: { steps: [{ service: "1s" }] },
        subscribers: { fast: { processes: 4 }, slow: { processes: 2 } },
        queues,
        duration: 10_000,
        seed: 9,
      });
    const both = run(scenario(["fast", "slow"]));
    const alone = run(scenario(["fast"]));

    test("the slow queue's backlog grows by λ − cμ = 1.2 a second; the fast one's stays small", () => {
      // Once it is busy for good, the slow backlog is Poisson arrivals less a steady 2 a second:
      // after T seconds 1.2 T, with a standard deviation of √(3.2 T).
      const T = 10_000;
      expect(Math.abs(backlog(both, "slow") - 1.2 * T)).toBeLessThan(5 * Math.sqrt(3.2 * T));
      const slowDepth = broker(both, "slow").series.depth;
      expect(slowDepth.at(-1)!).toBeGreaterThan(slowDepth[Math.floor(slowDepth.length / 2)]! * 1.8);
      // M/D/4 at ρ = 0.8: the fast queue's waiting line stays short all run long.
      expect(backlog(both, "fast")).toBeLessThan(20);
      expect(broker(both, "fast").depth.max).toBeLessThan(60);
    });

    test("the fast queue's figures are exactly what they are with no slow subscriber bound at all", () => {
      expect(workers(both, "fast-work")).toEqual(workers(alone, "fast-work"));
      expect(broker(both, "fast").depth).toEqual(broker(alone, "fast").depth);
      expect(exchange(both).queues.fast).toEqual(exchange(alone).queues.fast);
    });
  });

  test("copies dead-lettered in one queue leave the other queue's copies alone", () => {
    // "fragile" redelivers a 3 s task after 1 s and dead-letters it at the third receive.
    const result = run(
      fanOut({
        rate: [
          { from: 0, rate: 0.5 },
          { from: 400, rate: 0 },
        ],
        task: { steps: [{ service: "3s" }] },
        subscribers: {
          fragile: {
            processes: 16,
            broker: { visibilityTimeout: "1s", maxReceives: 2 },
            workers: { acks: "late" },
          },
          sturdy: { processes: 4 },
        },
        duration: 1000,
        seed: 4,
      }),
    );
    const published = exchange(result).published;
    expect(published).toBeGreaterThan(150);
    const queues = exchange(result).queues;
    expect(queues.fragile!.deadLettered).toBe(published);
    expect(broker(result, "fragile").deadLettered).toBe(published);
    expect(queues.sturdy).toEqual({
      published,
      completed: published,
      failed: 0,
      deadLettered: 0,
      expired: 0,
      dropped: 0,
      refused: 0,
      skipped: 0,
    });
    expect(broker(result, "sturdy").redelivered).toBe(0);
    expect(broker(result, "sturdy").executions).toBe(published);
  });

  test("a full queue that refuses its copy nacks the publish; the other queue keeps its copy", () => {
    // RabbitMQ: a message rejected by one of the queues it is routed to is nacked to the publisher
    // and still enqueued in the others. maxLength 0 with reject-publish refuses every copy.
    const result = run(
      fanOut({
        rate: 1,
        task: { steps: [{ service: "100ms" }] },
        subscribers: {
          full: { processes: 1, broker: { maxLength: 0, overflow: "reject-publish" } },
          open: { processes: 1 },
        },
        duration: 500,
        seed: 2,
      }),
    );
    const published = exchange(result).published;
    expect(published).toBeGreaterThan(400);
    expect(exchange(result).refused).toBe(published);
    expect(exchange(result).queues.full!.refused).toBe(published);
    expect(exchange(result).queues.full!.published).toBe(0);
    expect(result.requests.failed.rejected).toBe(published);
    expect(broker(result, "open").published).toBe(published);
    expect(exchange(result).queues.open!.completed).toBeGreaterThanOrEqual(published - 1);
  });
});

describe("bindings", () => {
  test("through a bound exchange, a queue reached twice gets one copy", () => {
    const result = run(
      fanOut({
        rate: 1,
        task: { steps: [{ service: "10ms" }] },
        subscribers: { a: { processes: 1 }, b: { processes: 1 } },
        queues: ["a", "inner"],
        extra: { inner: { type: "exchange", queues: ["a", "b"] } },
        duration: 300,
        seed: 6,
      }),
    );
    const published = exchange(result).published;
    expect(Object.keys(exchange(result).queues)).toEqual(["a", "b"]);
    expect(broker(result, "a").published).toBe(published);
    expect(broker(result, "b").published).toBe(published);
    expect(exchange(result).routed).toBe(2 * published);
    // The inner exchange was not published to itself.
    expect(exchange(result, "inner").published).toBe(0);
  });

  test("a broker bound to an exchange still takes point-to-point publishes, counted apart", () => {
    const input = fanOut({
      rate: 2,
      task: { steps: [{ service: "10ms" }] },
      subscribers: { a: { processes: 2 }, b: { processes: 2 } },
      duration: 500,
      seed: 8,
    });
    const workload = input.workload as { requests: Json[] };
    workload.requests.push({
      name: "direct",
      steps: [{ publish: "a", task: { steps: [{ service: "10ms" }] } }],
    });
    const result = run(input);
    const direct = result.requests.byClass.direct!.arrived;
    expect(direct).toBeGreaterThan(200);
    expect(exchange(result).queues.a!.published).toBe(exchange(result).published);
    expect(broker(result, "a").published).toBe(exchange(result).published + direct);
    expect(broker(result, "b").published).toBe(exchange(result).published);
  });
});
