// The broker's queue: priority levels, delayed delivery, retention, and a length limit that drops the
// oldest message or refuses the publish.
import { describe, expect, test } from "vitest";
import { simulate } from "../../../packages/sim-core/src/run/simulate";
import { broker, jobScenario, workers } from "./job-scenarios";

type Json = Record<string, unknown>;

/**
 * One worker process that holds only the task it runs (late acks, prefetch 1: the broker keeps the
 * rest, in priority order), 1 s tasks, two classes of publisher (priority 0 and 1), pushed results.
 */
function prioritised(brokerSpec: Json) {
  const publish = (priority: number) => [
    { publish: "jobs", task: { steps: [{ service: { exp: "1s" } }], priority }, wait: { by: "push" } },
  ];
  return simulate({
    version: 1,
    seed: 2,
    run: { warmup: "500s", duration: "100000s" },
    workload: {
      arrival: { process: "poisson", rate: 0.8 },
      requests: [
        { name: "low", steps: publish(0) },
        { name: "high", steps: publish(1) },
      ],
    },
    entry: "jobs",
    components: {
      jobs: { type: "broker", visibilityTimeout: "1h", ...brokerSpec },
      work: { type: "workers", prefetch: 1, acks: "late" },
    },
  });
}

describe("the broker's queue", () => {
  test("priority levels: higher tasks go first, as a non-preemptive priority queue", () => {
    const result = prioritised({ priorities: 2 });
    const high = result.requests.byClass.high!.latencyMean;
    const low = result.requests.byClass.low!.latencyMean;
    // M/M/1 with two classes at 0.4 each, non-preemptive (Cobham): W0 = λE[S²]/2 = 0.8 s;
    // Wq(high) = W0 / (1 − 0.4) = 1.33 s, Wq(low) = W0 / ((1 − 0.4)(1 − 0.8)) = 6.67 s; plus 1 s of service.
    // 80,000 tasks: the overall mean has a relative standard error near √(2(1+ρ)/n)/(1−ρ) ≈ 3.4%; the low
    // class, whose waits are the long correlated ones, somewhat more; the high class much less.
    expect(Math.abs(low - 7.67) / 7.67).toBeLessThan(0.15);
    expect(Math.abs(high - 2.33) / 2.33).toBeLessThan(0.08);
    // Conservation: the mix's mean wait is M/M/1's, W = 1/(1 − ρ) = 5 s, whatever the order.
    expect(Math.abs(result.latency.mean - 5) / 5).toBeLessThan(0.12);
    const fifo = prioritised({ priorities: 1 });
    expect(
      Math.abs(fifo.requests.byClass.high!.latencyMean - fifo.requests.byClass.low!.latencyMean),
    ).toBeLessThan(0.5);
  });

  test("delayed delivery: a countdown adds exactly its length before the task can start", () => {
    const result = simulate(
      jobScenario({
        rate: 1,
        task: { steps: [{ service: "100ms" }], countdown: "5s" },
        wait: { by: "push" },
        workers: { processes: 50 },
        duration: 500,
        warmup: 20,
      }),
    );
    expect(result.latency.mean).toBeCloseTo(5.1, 6);
    expect(result.latency.max).toBeCloseTo(5.1, 6);
    expect(workers(result).wait.mean).toBeCloseTo(5, 6);
  });

  test("retention: messages not delivered within it are dropped unread", () => {
    // One process, 2 s tasks at 1/s: the queue grows without bound; anything older than 30 s expires.
    const result = simulate(
      jobScenario({
        rate: 1,
        task: { steps: [{ service: "2s" }] },
        broker: { retention: "30s" },
        workers: { prefetch: 1 },
        duration: 1000,
        warmup: 100,
      }),
    );
    const b = broker(result);
    expect(b.expired).toBeGreaterThan(300);
    expect(b.oldestAge.max).toBeLessThan(40);
    expect(Math.abs(b.completed + b.expired - b.published) / b.published).toBeLessThan(0.05);
  });

  for (const overflow of ["drop-head", "reject-publish"] as const) {
    test(`a length limit with overflow "${overflow}"`, () => {
      const result = simulate(
        jobScenario({
          rate: 1,
          task: { steps: [{ service: "2s" }] },
          broker: { maxLength: 10, overflow },
          workers: { prefetch: 1 },
          duration: 1000,
          warmup: 100,
        }),
      );
      const b = broker(result);
      expect(b.depth.max).toBeLessThanOrEqual(10);
      // Half the tasks can be served (2 s each at 1/s): the other half is dropped or refused.
      const turnedAway = overflow === "drop-head" ? b.dropped : b.refused;
      const offered = overflow === "drop-head" ? b.published : b.published + b.refused;
      expect(Math.abs(turnedAway / offered - 0.5)).toBeLessThan(0.05);
      if (overflow === "reject-publish") expect(result.requests.failed.rejected).toBe(b.refused);
      else expect(result.requests.failed.rejected).toBe(0);
    });
  }
});
