// Delivery guarantees: a task longer than the visibility timeout V is delivered again about ⌊S/V⌋
// times (one shorter is not); late acks give a crashed worker's tasks to another delivery and lose
// none, early acks lose the ones it was running; past maxReceives a message is dead-lettered.
import { describe, expect, test } from "vitest";
import { simulate } from "../../../packages/sim-core/src/run/simulate";
import { broker, jobScenario, workers } from "./job-scenarios";

// Tasks published for the first 200 s only, so that every one is done before the run ends.
const BURST = [
  { from: 0, rate: 0.5 },
  { from: 200, rate: 0 },
];

describe("visibility timeout", () => {
  for (const [service, timeout, idempotent] of [
    [3.5, 1, false],
    [10, 3, false],
    [0.9, 1, false],
    [3.5, 1, true],
  ] as const) {
    test(`a ${service}s task, visibility timeout ${timeout}s${idempotent ? ", idempotent" : ""}`, () => {
      const result = simulate(
        jobScenario({
          rate: BURST,
          task: { steps: [{ service: `${service}s` }], idempotent },
          broker: { visibilityTimeout: `${timeout}s` },
          workers: { processes: 100, acks: "late" },
          duration: 400,
        }),
      );
      const b = broker(result);
      // Delivered again at V, 2V, … while the first execution runs: ⌊S/V⌋ times (S not a multiple of V).
      const extra = Math.floor(service / timeout);
      expect(b.published).toBeGreaterThan(60);
      expect(b.redelivered).toBe(extra * b.published);
      expect(b.completed).toBe(b.published);
      // An idempotent task still runs twice when the first execution is not yet done.
      expect(b.duplicatesExecuted).toBe(extra * b.published);
      expect(workers(result).duplicatesSkipped).toBe(0);
    });
  }

  test("early acks delete the message when the task starts: no redelivery however long it runs", () => {
    const result = simulate(
      jobScenario({
        rate: BURST,
        task: { steps: [{ service: "10s" }] },
        broker: { visibilityTimeout: "1s" },
        workers: { processes: 100, acks: "early" },
        duration: 400,
      }),
    );
    expect(broker(result).redelivered).toBe(0);
    expect(broker(result).completed).toBe(broker(result).published);
  });

  test("after maxReceives deliveries the message is dead-lettered, and counted", () => {
    const result = simulate(
      jobScenario({
        rate: BURST,
        task: { steps: [{ service: "10s" }] },
        broker: { visibilityTimeout: "1s", maxReceives: 3 },
        workers: { processes: 100, acks: "late" },
        duration: 400,
      }),
    );
    const b = broker(result);
    // Received at 0, 1 and 2 s; at 3 s the fourth receive moves it to the dead-letter queue.
    expect(b.redelivered).toBe(2 * b.published);
    expect(b.deadLettered).toBe(b.published);
    expect(b.duplicatesExecuted).toBe(2 * b.published);
  });
});

describe("a worker crash", () => {
  // 4 processes, 10 s tasks at 0.5/s for 200 s (a backlog builds); the workers crash at 100 s for 20 s.
  function crash(acks: "early" | "late", more: Record<string, unknown> = {}) {
    return simulate(
      jobScenario({
        rate: BURST,
        task: { steps: [{ service: "10s" }] },
        broker: { visibilityTimeout: "30s" },
        workers: { processes: 4, prefetch: 1, acks, outages: [{ at: "100s", for: "20s" }], ...more },
        duration: 1500,
        seed: 3,
      }),
    );
  }

  test("with early acks the tasks it was running are lost, and counted", () => {
    const result = crash("early");
    const w = workers(result);
    expect(w.interrupted).toBeGreaterThan(0);
    expect(w.lost).toBe(w.interrupted);
    expect(broker(result).completed).toBe(broker(result).published - w.lost);
    expect(w.downtime).toBe(20);
  });

  test("with late acks they are delivered again after the visibility timeout and none is lost", () => {
    const result = crash("late");
    const w = workers(result);
    const b = broker(result);
    expect(w.interrupted).toBeGreaterThan(0);
    expect(w.lost).toBe(0);
    expect(b.redelivered).toBeGreaterThanOrEqual(w.interrupted);
    expect(b.completed).toBe(b.published);
  });

  test("late acks with a killed child: acked anyway and lost, unless rejectOnWorkerLost requeues it", () => {
    const acked = workers(crash("late", { crash: "children" }));
    expect(acked.interrupted).toBeGreaterThan(0);
    expect(acked.lost).toBe(acked.interrupted);
    const rejected = crash("late", { crash: "children", rejectOnWorkerLost: true });
    const w = workers(rejected);
    expect(w.lost).toBe(0);
    expect(w.requeued).toBe(w.interrupted);
    expect(broker(rejected).redelivered).toBe(w.interrupted);
    expect(broker(rejected).completed).toBe(broker(rejected).published);
  });
});
