// Retries as Celery schedules them: retry n waits min(backoffMax, backoff × 2^n), with full jitter a
// uniform time below that; after maxRetries the task fails for good and its client is told.
import { describe, expect, test } from "vitest";
import { retryDelay } from "../../../packages/sim-core/src/jobs/retry-backoff";
import { randomStream } from "../../../packages/sim-core/src/random/streams";
import { simulate } from "../../../packages/sim-core/src/run/simulate";
import { broker, jobScenario, workers } from "./job-scenarios";

const RETRY = { maxRetries: 5, countdown: 180, backoff: 1, backoffMax: 600, jitter: false };

describe("retry backoff", () => {
  test("without jitter: base × 2^n, capped", () => {
    const rng = randomStream(1, "retry");
    expect([0, 1, 2, 3, 9, 10, 20].map((n) => retryDelay(RETRY, n, rng))).toEqual([
      1, 2, 4, 8, 512, 600, 600,
    ]);
    expect(retryDelay({ ...RETRY, backoff: 0, countdown: 7 }, 4, rng)).toBe(7);
  });

  test("with full jitter: within [0, base × 2^n capped], and uniform there", () => {
    const rng = randomStream(2, "retry");
    for (const n of [0, 3, 12]) {
      const cap = Math.min(600, 2 ** n);
      let sum = 0;
      let low = Number.POSITIVE_INFINITY;
      let high = 0;
      const draws = 20_000;
      for (let i = 0; i < draws; i++) {
        const d = retryDelay({ ...RETRY, jitter: true }, n, rng);
        low = Math.min(low, d);
        high = Math.max(high, d);
        sum += d;
      }
      expect(low).toBeGreaterThanOrEqual(0);
      expect(high).toBeLessThanOrEqual(cap);
      // Mean cap/2, standard deviation cap/√12: 5 standard errors.
      expect(Math.abs(sum / draws - cap / 2)).toBeLessThan((5 * cap) / Math.sqrt(12 * draws));
    }
  });
});

describe("retries in a run", () => {
  function failing(retry: Record<string, unknown>, fails = 1) {
    return simulate(
      jobScenario({
        rate: [
          { from: 0, rate: 1 },
          { from: 500, rate: 0 },
        ],
        task: { steps: [{ service: "10ms" }], fails, retry },
        wait: { by: "push" },
        workers: { processes: 50 },
        duration: 2000,
        timeout: 1000,
      }),
    );
  }

  test("a task that always fails is retried maxRetries times on schedule, then fails its client", () => {
    const result = failing({ maxRetries: 3, backoff: "1s", jitter: false });
    const b = broker(result);
    expect(b.published).toBeGreaterThan(400);
    expect(b.retried).toBe(3 * b.published);
    expect(b.failed).toBe(b.published);
    // Delays 1, 2, 4 s: mean 7/3.
    expect(b.retryDelay.mean).toBeCloseTo(7 / 3, 7);
    expect(workers(result).started).toBe(4 * b.published);
    // The client learns of the failure when it is stored: 4 executions of 10 ms and 7 s of backoff.
    expect(result.requests.failed.rejected).toBe(b.published);
    expect(result.requests.completed).toBe(0);
  });

  test("with jitter each delay is uniform below base × 2^n", () => {
    const b = broker(failing({ maxRetries: 3, backoff: "1s", jitter: true }));
    // Means 1/2, 1, 2: overall 7/6; variance of the mix = E[a²/12] + Var(a/2) over a ∈ {1, 2, 4}.
    const caps = [1, 2, 4];
    const mean = caps.reduce((s, a) => s + a / 2, 0) / 3;
    const variance = caps.reduce((s, a) => s + a ** 2 / 12 + (a / 2 - mean) ** 2, 0) / 3;
    expect(Math.abs(b.retryDelay.mean - mean)).toBeLessThan(5 * Math.sqrt(variance / b.retryDelay.count));
  });

  test("a task that fails half the time: retries follow the geometric law", () => {
    const b = broker(failing({ maxRetries: 3, backoff: "1s" }, 0.5));
    // P(fail for good) = 0.5^4; retries per task = 0.5 + 0.25 + 0.125 = 0.875.
    const n = b.published;
    expect(Math.abs(b.failed / n - 1 / 16)).toBeLessThan(5 * Math.sqrt(((1 / 16) * (15 / 16)) / n));
    expect(Math.abs(b.retried / n - 0.875)).toBeLessThan(5 * Math.sqrt(1 / n));
    expect(b.completed + b.failed).toBe(n);
  });

  test("a time limit kills the execution and fails the task without retry", () => {
    const result = simulate(
      jobScenario({
        rate: [
          { from: 0, rate: 1 },
          { from: 200, rate: 0 },
        ],
        task: { steps: [{ service: "5s" }], timeLimit: "2s", retry: { maxRetries: 3, backoff: "1s" } },
        wait: { by: "push" },
        workers: { processes: 50 },
        duration: 400,
      }),
    );
    const b = broker(result);
    expect(b.timeLimited).toBe(b.published);
    expect(b.retried).toBe(0);
    expect(workers(result).utilization).toBeCloseTo((b.published * 2) / 400 / 50, 2);
  });
});
