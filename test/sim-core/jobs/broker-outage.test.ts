// A broker with outages behaves as a RabbitMQ or SQS endpoint that is down: publishes fail as
// connection refused, the messages it holds are kept, its consumers receive nothing until it is
// back, and then they work off what waited.
import { describe, expect, test } from "vitest";
import type { Result } from "../../../packages/sim-core/src/result/model";
import { simulate } from "../../../packages/sim-core/src/run/simulate";
import { broker, workers } from "./job-scenarios";

type Json = Record<string, unknown>;

/** Poisson arrival times at `rate` over [0, until), from a small seeded generator (mulberry32). */
function poissonTimes(rate: number, until: number, seed: number): number[] {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const times: number[] = [];
  for (let t = -Math.log(1 - next()) / rate; t < until; t += -Math.log(1 - next()) / rate) times.push(t);
  return times;
}

/** Tasks published at the traced times to broker "jobs", run by 4 worker processes ("work"). */
function traced(arrivals: number[], task: Json, outages: Json[], run: Json): Json {
  return {
    version: 1,
    seed: 11,
    run,
    workload: {
      arrival: { process: "trace", arrivals },
      requests: [{ name: "submit", steps: [{ publish: "jobs", task: { name: "work", steps: [task] } }] }],
    },
    entry: "jobs",
    components: {
      jobs: { type: "broker", visibilityTimeout: "1h", outages },
      work: { type: "workers", broker: "jobs", processes: 4, prefetch: 1, acks: "early" },
    },
  };
}

const outagesOf = (result: Result, name: string) =>
  (result.components[name] as unknown as { outages: { downtime: number; failed: number } }).outages;

describe("a broker's outage", () => {
  const arrivals = poissonTimes(3.2, 1500, 7);
  const at = 1000;

  for (const length of [20, 200]) {
    test(`of ${length} s: publishes during it are refused, every other one is published and run`, () => {
      const during = arrivals.filter((t) => t >= at && t < at + length).length;
      const outside = arrivals.length - during;
      const result = simulate(
        traced(arrivals, { service: { exp: "1s" } }, [{ at, for: length }], { duration: 2000 }),
      );
      const b = broker(result);
      expect(during).toBeGreaterThan(0);
      expect(b.published).toBe(outside);
      expect(result.requests.failed.reset).toBe(during);
      expect(outagesOf(result, "jobs").failed).toBe(during);
      expect(outagesOf(result, "jobs").downtime).toBeCloseTo(length, 9);
      // Nothing published is lost: all of it is delivered once and run to the end.
      expect(b.delivered).toBe(outside);
      expect(b.completed).toBe(outside);
      expect(workers(result).started).toBe(outside);
      expect(b.dropped + b.expired + b.deadLettered + b.redelivered).toBe(0);
    });
  }

  // 60 tasks of 1 s each published in the half second before 390 s: 4 processes work them off at
  // 4 a second, so at 400 s, when the broker goes down for 100 s, some still wait in it.
  const burst = Array.from({ length: 60 }, (_, i) => 390 + i / 120);
  const backlogRun = (run: Json) => simulate(traced(burst, { service: "1s" }, [{ at: 400, for: 100 }], run));

  test("the messages queued before it are kept, and none is delivered while it is down", () => {
    // From 405 s (the tasks running or prefetched at 400 s are done by 402 s) to 495 s.
    const result = backlogRun({ warmup: 405, duration: 90 });
    const b = broker(result);
    expect(b.queueLength.max).toBeGreaterThan(4);
    expect(b.queueLength.mean).toBe(b.queueLength.max); // the same depth the whole window
    expect(b.delivered).toBe(0);
    expect(workers(result).started).toBe(0);
    expect(workers(result).utilization).toBe(0);
  });

  test("when it is back the workers catch up: all that waited is delivered and run", () => {
    const backlog = broker(backlogRun({ warmup: 405, duration: 90 })).queueLength.max;
    const after = backlogRun({ warmup: 500, duration: 100 });
    expect(broker(after).delivered).toBe(backlog);
    expect(workers(after).started).toBe(backlog);
    // Each a 1 s task on 4 processes over 100 s.
    expect(workers(after).utilization).toBeCloseTo(backlog / 400, 6);
    const whole = backlogRun({ duration: 700 });
    expect(broker(whole).published).toBe(60);
    expect(broker(whole).completed).toBe(60);
    expect(broker(whole).queueLength.max).toBeGreaterThanOrEqual(backlog);
  });

  test("without outages the same arrivals are all published (the outage is what refuses)", () => {
    const result = simulate(traced(arrivals, { service: { exp: "1s" } }, [], { duration: 2000 }));
    expect(broker(result).published).toBe(arrivals.length);
  });
});
