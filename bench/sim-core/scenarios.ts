/** The benchmark scenarios, built as normalized scenarios so they need no parser. */
import type { Scenario } from "@syslab/sim-core";

/** M/M/4 at ρ = 0.9: λ = 3.6/s, mean service 1 s, 1,000,000 measured requests. */
export const mmc: Scenario = {
  version: 1,
  seed: 7,
  run: {
    length: { kind: "requests", count: 1_000_000 },
    warmup: { kind: "requests", count: 10_000 },
    limits: {},
  },
  workload: {
    arrival: { process: "poisson", rate: 3.6 },
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
  components: { q: { type: "station", servers: 4, discipline: "fcfs" } },
};

/**
 * About 1,000 events pending at once: 1,000 servers at ρ = 0.98 keep ~980 service
 * completions in the calendar, as a busy server with many requests in flight does.
 */
export const wide: Scenario = {
  version: 1,
  seed: 7,
  run: {
    length: { kind: "requests", count: 2_000_000 },
    warmup: { kind: "requests", count: 20_000 },
    limits: {},
  },
  workload: {
    arrival: { process: "poisson", rate: 980 },
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
  components: { q: { type: "station", servers: 1000, discipline: "fcfs" } },
};
