// Consumer priorities (RabbitMQ x-priority): the broker gives a message to the highest-priority
// consumer with room in its prefetch window, and to a lower one only while every higher one is full.
import { describe, expect, test } from "vitest";
import { simulate } from "../../../packages/sim-core/src/run/simulate";
import { broker, workers } from "./job-scenarios";

/** A task every second for 100 s, taking `service` seconds, for two one-process workers "a" and "b". */
function twoConsumers(service: number, a: Record<string, unknown>, b: Record<string, unknown>) {
  // Late acks and prefetch 1: each worker holds one message at a time, the one it runs.
  const consumer = { type: "workers", broker: "jobs", processes: 1, prefetch: 1, acks: "late" };
  return simulate({
    version: 1,
    seed: 1,
    run: { duration: 100 },
    workload: {
      arrival: { process: "constant", rate: 1 },
      requests: [
        { name: "submit", steps: [{ publish: "jobs", task: { steps: [{ service: `${service}s` }] } }] },
      ],
    },
    entry: "jobs",
    components: {
      jobs: { type: "broker" },
      a: { ...consumer, ...a },
      b: { ...consumer, ...b },
    },
  });
}

describe("consumer priorities", () => {
  test("a higher-priority consumer with room takes every message; the other gets none", () => {
    const result = twoConsumers(0.5, {}, { priority: 10 });
    const published = broker(result).published;
    expect(published).toBeGreaterThan(90);
    expect(workers(result, "b").started).toBe(published);
    expect(workers(result, "a").started).toBe(0);
  });

  test("equal priorities (the default) take turns: half each", () => {
    const result = twoConsumers(0.5, {}, {});
    const published = broker(result).published;
    expect(workers(result, "a").started).toBe(Math.ceil(published / 2));
    expect(workers(result, "b").started).toBe(Math.floor(published / 2));
  });

  test("a lower-priority consumer gets the messages that arrive while the higher one is full", () => {
    // 1.5 s tasks each second: the high one is free at every other arrival, the low one takes the rest.
    const result = twoConsumers(1.5, { priority: -1 }, {});
    const published = broker(result).published;
    expect(workers(result, "b").started).toBe(Math.ceil(published / 2));
    expect(workers(result, "a").started).toBe(Math.floor(published / 2));
    expect(workers(result, "b").wait.mean).toBe(0);
  });
});
