// Workers on a server: their `cpu` steps need its cores, so they compete with whatever else runs there,
// and by default there are as many processes as cores (Celery's default concurrency).
import { describe, expect, test } from "vitest";
import type { ServerStats } from "../../../packages/sim-core/src/result/model";
import { simulate } from "../../../packages/sim-core/src/run/simulate";
import { broker, workers } from "./job-scenarios";

function shared(taskRate: number, processes?: number) {
  return simulate({
    version: 1,
    seed: 12,
    run: { warmup: "50s", duration: "2000s" },
    workload: {
      arrival: { process: "poisson", rate: 20 + taskRate },
      requests: [
        { name: "page", weight: 20, steps: [{ cpu: "20ms" }] },
        ...(taskRate > 0
          ? [
              {
                name: "submit",
                weight: taskRate,
                steps: [{ publish: "jobs", task: { steps: [{ cpu: { exp: "1s" } }] } }],
              },
            ]
          : []),
      ],
    },
    entry: "host",
    components: {
      jobs: { type: "broker", visibilityTimeout: "1h" },
      work: { type: "workers", server: "host", ...(processes === undefined ? {} : { processes }) },
      host: {
        type: "server",
        cores: 4,
        contextSwitch: 0,
        architecture: { kind: "thread-pool", threads: 64 },
      },
    },
  });
}

describe("workers on a server", () => {
  test("default to one process per core, and their CPU is the server's", () => {
    const result = shared(2);
    const w = workers(result);
    expect(w.processes).toBe(4);
    const host = result.components.host as unknown as ServerStats;
    // Pages: 20/s × 20 ms = 0.4 cores; tasks: 2/s × 1 s = 2 cores; of 4: 60% busy.
    expect(Math.abs(host.cpu.useful - 0.6)).toBeLessThan(0.04);
    expect(Math.abs(w.utilization * 4 - 2) / 2).toBeLessThan(0.1);
    expect(broker(result).completed).toBeGreaterThan(3500);
  });

  test("pages slow down when tasks share their cores", () => {
    const alone = shared(0).requests.byClass.page!.latencyMean;
    const withTasks = shared(3, 8).requests.byClass.page!.latencyMean;
    // Alone the pages barely queue (0.4 of 4 cores); with 8 processes wanting 3 of the 4 cores, a page's
    // thread waits its turn in the run queue behind the tasks' threads.
    expect(alone).toBeLessThan(0.022);
    expect(withTasks).toBeGreaterThan(1.5 * alone);
  });
});
