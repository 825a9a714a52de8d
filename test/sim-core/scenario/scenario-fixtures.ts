/** Scenarios the scenario tests start from: DESIGN.md's two examples, and a small valid one to break. */

/** DESIGN.md's smallest scenario, an M/M/c queue. */
export const designMmc = {
  version: 1,
  seed: 7,
  run: { requests: 200000 },
  workload: {
    arrival: { process: "poisson", rate: 3.6 },
    requests: [{ name: "job", steps: [{ service: { exp: "1s" } }] }],
  },
  entry: "q",
  components: { q: { type: "station", servers: 4 } },
};

/** DESIGN.md's full example (a thread-pool server in front of a database station). */
export const designFull = {
  version: 1,
  name: "Thread pool under CPU-heavy load",
  seed: 42,
  run: { duration: "60s", warmup: "5s" },
  workload: {
    arrival: { process: "poisson", rate: 800 },
    requests: [
      {
        name: "page",
        weight: 1,
        timeout: "2s",
        steps: [
          { cpu: { exp: "5ms" } },
          { call: "db", hold: { lognormal: { median: "20ms", p99: "120ms" } } },
          { cpu: "1ms" },
        ],
      },
    ],
  },
  entry: "web",
  components: {
    web: {
      type: "server",
      cores: 2,
      architecture: { kind: "thread-pool", threads: 200, queue: 100 },
      acceptBacklog: 128,
    },
    db: { type: "station", servers: 20, discipline: "fcfs" },
  },
};

/** A fresh copy of a small valid tandem scenario (web station, then a call to db). */
// biome-ignore lint/suspicious/noExplicitAny: tests reshape it freely, into invalid scenarios too
export function tandem(): any {
  return {
    version: 1,
    seed: 1,
    run: { duration: "10s" },
    workload: {
      arrival: { process: "poisson", rate: 100 },
      requests: [{ name: "page", steps: [{ service: { exp: "5ms" } }, { call: "db", hold: "2ms" }] }],
    },
    entry: "web",
    components: { web: { type: "station", servers: 2 }, db: { type: "station" } },
  };
}
