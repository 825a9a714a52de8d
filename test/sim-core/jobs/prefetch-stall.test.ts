// With Celery's FCFS pool ("optimization": "default") each reserved task goes to the next process
// in turn, busy or not, and stays unacked until its process starts it. With a small prefetch window
// the window can fill with tasks queued behind one long task: the whole worker then takes nothing
// more from the broker while its other processes idle. These figures are worked out by hand.
import { describe, expect, test } from "vitest";
import type { WorkersStats } from "../../../packages/sim-core/src/result/model";
import { simulate } from "../../../packages/sim-core/src/run/simulate";

type Json = Record<string, unknown>;

const publish = (service: string) => [
  { publish: "jobs", task: { steps: [{ service }] }, wait: { by: "push" } },
];

/** 4 processes, prefetch 1: one 20 s task at t = 0, then a 100 ms task every second from t = 1 to `last`. */
function traced(work: Json, last: number) {
  const arrivals = [
    { at: 0, class: "long" },
    ...Array.from({ length: last }, (_, i) => ({ at: i + 1, class: "short" })),
  ];
  const result = simulate({
    version: 1,
    seed: 1,
    run: { warmup: 0, duration: "60s" },
    workload: {
      arrival: { process: "trace", arrivals },
      requests: [
        { name: "short", steps: publish("100ms") },
        { name: "long", steps: publish("20s") },
      ],
    },
    entry: "jobs",
    components: {
      jobs: { type: "broker", visibilityTimeout: "1h" },
      work: { type: "workers", broker: "jobs", processes: 4, prefetch: 1, ...work },
    },
  });
  return result.components.work as unknown as WorkersStats;
}

describe("a prefetch window filled behind a long task", () => {
  test("late acks: the worker never holds more than processes × prefetch, and stalls once it does", () => {
    // Tasks at t = 4, 8, 12 go to the busy process 0 (held: 4 = the window). The one at t = 13 waits in
    // the broker with three processes idle until the long task acks at t = 20, then starts on process 1;
    // process 0 runs 4, 8, 12 from t = 20, 20.1, 20.2. Waits: 16 + 12.1 + 8.2 + 7 over 14 starts.
    const w = traced({ acks: "late", optimization: "default" }, 13);
    expect(w.started).toBe(14);
    expect(w.inSystem.max).toBe(4);
    expect(w.wait.mean).toBeCloseTo(43.3 / 14, 6);
  });

  test("early acks: a running task leaves the window, so four can queue behind it before the stall", () => {
    // Tasks at 4, 8, 12, 16 queue on process 0; the one at 17 waits for t = 20 and starts on process 1.
    // Waits: 16 + 12.1 + 8.2 + 4.3 + 3 over 18 starts.
    const w = traced({ acks: "early", optimization: "default" }, 17);
    expect(w.started).toBe(18);
    expect(w.inSystem.max).toBe(5);
    expect(w.wait.mean).toBeCloseTo(43.6 / 18, 6);
  });

  test('"fair": no task waits while a process is idle', () => {
    for (const acks of ["early", "late"]) {
      const w = traced({ acks, optimization: "fair" }, 17);
      expect(w.started).toBe(18);
      expect(w.wait.mean).toBe(0);
    }
  });
});

describe("the stall costs capacity", () => {
  // 90% 100 ms and 10% 20 s tasks at 1/s on 4 processes: offered load 1 × 2.09 s / 4 = 0.52.
  function mixed(prefetch: number, duration: number) {
    const result = simulate({
      version: 1,
      seed: 9,
      run: { warmup: "200s", duration: `${duration}s` },
      workload: {
        arrival: { process: "poisson", rate: 1 },
        requests: [
          { name: "short", weight: 9, steps: publish("100ms") },
          { name: "long", weight: 1, steps: publish("20s") },
        ],
      },
      entry: "jobs",
      components: {
        jobs: { type: "broker", visibilityTimeout: "1h" },
        work: { type: "workers", processes: 4, prefetch, acks: "late", optimization: "default" },
      },
    });
    return result.components.work as unknown as WorkersStats;
  }

  test("prefetch 1 with late acks cannot keep up with a 52% load: the backlog, and the wait, grow with time", () => {
    const one = mixed(1, 5000);
    const longer = mixed(1, 10000);
    const four = mixed(4, 5000);
    // The stalled worker does less than the offered work, so tasks pile up in the broker without bound...
    expect(one.utilization).toBeLessThan(0.47);
    expect(longer.wait.mean).toBeGreaterThan(1.6 * one.wait.mean);
    expect(one.wait.mean).toBeGreaterThan(100);
    // ...while a window of 16 rarely fills: the worker keeps up and tasks wait seconds, not minutes.
    expect(four.utilization).toBeGreaterThan(0.5);
    expect(four.wait.mean).toBeLessThan(20);
  });
});
