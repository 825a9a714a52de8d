// Where a task waits: behind a long task on a process that holds it (Celery's default scheduling,
// or prefetch on a busy worker while another idles); in a slow result backend; and what a long
// poll costs an API whose threads it holds.
import { describe, expect, test } from "vitest";
import type { ResultBackendStats, ServerStats } from "../../../packages/sim-core/src/result/model";
import { simulate } from "../../../packages/sim-core/src/run/simulate";
import { broker } from "./job-scenarios";

type Json = Record<string, unknown>;

/** Short tasks (100 ms, 90%) and long ones (20 s, 10%), pushed to their clients, at 1/s. */
function mixed(workers: Record<string, Json>) {
  const publish = (service: string) => [
    { publish: "jobs", task: { steps: [{ service }] }, wait: { by: "push" } },
  ];
  return simulate({
    version: 1,
    seed: 9,
    run: { warmup: "200s", duration: "20000s" },
    workload: {
      arrival: { process: "poisson", rate: 1 },
      requests: [
        { name: "short", weight: 9, steps: publish("100ms") },
        { name: "long", weight: 1, steps: publish("20s") },
      ],
    },
    entry: "jobs",
    components: { jobs: { type: "broker", visibilityTimeout: "1h" }, ...workers },
  });
}

const shortWait = (workers: Record<string, Json>) => mixed(workers).requests.byClass.short!.latencyMean;

describe("head-of-line blocking", () => {
  test('"default" scheduling hands short tasks to a process busy with a long one; "fair" does not', () => {
    const fair = shortWait({ work: { type: "workers", processes: 4, optimization: "fair" } });
    const assigned = shortWait({ work: { type: "workers", processes: 4, optimization: "default" } });
    // Fair: an M/G/4 queue at ρ = 0.52 where shorts rarely wait long. Default: a quarter of shorts land on
    // the one process in four that is likely running a 20 s task, and wait out its remainder.
    expect(assigned).toBeGreaterThan(3 * fair);
    expect(fair).toBeLessThan(2);
  });

  test("one consumer: prefetch does not change the order tasks start in, so it changes nothing", () => {
    const a = mixed({ work: { type: "workers", processes: 4, prefetch: 1 } });
    const b = mixed({ work: { type: "workers", processes: 4, prefetch: 16 } });
    expect(b.latency.mean).toBe(a.latency.mean);
  });

  test("two workers: prefetch lets a busy one hold short tasks while the other idles", () => {
    const spec = (prefetch: number) => ({
      w1: { type: "workers", processes: 2, prefetch },
      w2: { type: "workers", processes: 2, prefetch },
    });
    const one = shortWait(spec(1));
    const four = shortWait(spec(4));
    expect(four).toBeGreaterThan(1.5 * one);
  });
});

describe("a result backend", () => {
  function polled(read: string) {
    return simulate({
      version: 1,
      seed: 4,
      run: { warmup: "50s", duration: "2000s" },
      workload: {
        arrival: { process: "poisson", rate: 2 },
        requests: [
          {
            name: "submit",
            steps: [
              {
                publish: "jobs",
                task: { steps: [{ service: { exp: "5s" } }] },
                wait: { by: "poll", interval: "1s", call: "redis" },
              },
            ],
          },
        ],
      },
      entry: "jobs",
      components: {
        jobs: { type: "broker" },
        work: { type: "workers", processes: 100, results: "redis" },
        redis: { type: "result-backend", read, write: "1ms" },
      },
    });
  }

  test("serves every poll and every stored result, and its slowness adds to the notification delay", () => {
    const fast = polled("0.5ms");
    const slow = polled("80ms");
    const redis = slow.components.redis as unknown as ResultBackendStats;
    const b = broker(slow);
    expect(Math.abs(redis.reads - b.polls)).toBeLessThanOrEqual(2 * 2 * 6);
    expect(Math.abs(redis.writes - b.completed)).toBeLessThanOrEqual(2 * 2 * 6);
    // Busy time: reads × 80 ms + writes × 1 ms over 2000 s (about 11 polls/s: ρ ≈ 0.9).
    const busy = (redis.reads * 0.08 + redis.writes * 0.001) / 2000;
    expect(Math.abs(redis.utilization - busy)).toBeLessThan(0.02);
    // Each poll now waits in Redis's one queue: the client learns later by at least the read time.
    expect(b.notificationDelay.mean - broker(fast).notificationDelay.mean).toBeGreaterThan(0.08);
  });
});

describe("long polling on a thread-pool API", () => {
  function longPolls(threads: number) {
    return simulate({
      version: 1,
      seed: 6,
      run: { warmup: "50s", duration: "1000s" },
      workload: {
        arrival: { process: "poisson", rate: 4 },
        requests: [
          {
            name: "submit",
            steps: [
              {
                publish: "jobs",
                task: { steps: [{ service: { exp: "5s" } }] },
                wait: { by: "long-poll", timeout: "20s", call: "api", steps: [{ cpu: "1ms" }] },
              },
            ],
          },
        ],
      },
      entry: "jobs",
      components: {
        jobs: { type: "broker" },
        work: { type: "workers", processes: 100 },
        api: { type: "server", cores: 4, architecture: { kind: "thread-pool", threads, queue: 0 } },
      },
    });
  }

  test("each waiting client holds a thread; too few threads and long polls are refused", () => {
    const roomy = longPolls(200);
    const api = roomy.components.api as unknown as ServerStats;
    // Clients waiting at once: λ × 5 s = 20 by Little's law, each holding a thread for its long poll.
    expect(Math.abs(api.inSystem.mean - 20) / 20).toBeLessThan(0.1);
    expect(broker(roomy).failedPolls).toBe(0);
    const tight = longPolls(8);
    expect(broker(tight).failedPolls).toBeGreaterThan(100);
    // Never more than its threads hold (one more may be in the accept path, being refused).
    expect((tight.components.api as unknown as ServerStats).inSystem.max).toBeLessThanOrEqual(8 + 1);
  });
});
