/** The benchmark scenarios, built as normalized scenarios so they need no parser. */
import type { Scenario } from "@syslab/sim-core";

/** Poisson arrivals at `rate` per second to `servers` FCFS servers with exponential 1 s service; 1% warm-up. */
function poissonStation(rate: number, servers: number, requests: number): Scenario {
  return {
    version: 1,
    seed: 7,
    run: {
      length: { kind: "requests", count: requests },
      warmup: { kind: "requests", count: requests / 100 },
      limits: {},
    },
    workload: {
      arrival: { process: "poisson", rate },
      requests: [
        {
          name: "job",
          weight: 1,
          priority: 0,
          steps: [{ kind: "service", duration: { kind: "exp", mean: 1 } }],
        },
      ],
    },
    entry: "q",
    components: { q: { type: "station", servers, discipline: "fcfs" } },
  };
}

/** M/M/4 at ρ = 0.9: λ = 3.6/s, mean service 1 s, 1,000,000 measured requests. */
export const mmc = poissonStation(3.6, 4, 1_000_000);

/**
 * About 1,000 events pending at once: 1,000 servers at ρ = 0.98 keep ~980 service
 * completions in the calendar, as a busy server with many requests in flight does.
 */
export const wide = poissonStation(980, 1000, 2_000_000);
