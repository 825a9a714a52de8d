/**
 * The benchmark scenarios, normalized before any timing starts: the station cases are built in
 * the engine's own shape, the server and pool cases parsed from the JSON a user would write.
 */
import { parseScenario, type Scenario } from "@syslab/sim-core";

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

function parsed(input: unknown): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  return result.scenario;
}

/**
 * What users run most: a Tomcat-like thread pool on 4 cores, each request CPU, then I/O holding
 * its thread, then CPU again, at 75% CPU load — about 4 million events.
 */
export const server = parsed({
  version: 1,
  seed: 7,
  run: { requests: 800_000, warmup: 8_000 },
  workload: {
    arrival: { process: "poisson", rate: 1500 },
    requests: [
      { name: "page", steps: [{ cpu: { exp: "1ms" } }, { io: { exp: "5ms" } }, { cpu: { exp: "1ms" } }] },
    ],
  },
  entry: "web",
  components: {
    web: { type: "server", cores: 4, architecture: { kind: "thread-pool", threads: 64, queue: 1000 } },
  },
});

/**
 * A connection pool in front of a database: an application tier of 64 workers, each request a
 * little work there and one query held on one of 16 connections, the database at 75% load.
 */
export const pool = parsed({
  version: 1,
  seed: 7,
  run: { requests: 1_000_000, warmup: 10_000 },
  workload: {
    arrival: { process: "poisson", rate: 3000 },
    requests: [
      { name: "query", steps: [{ service: { exp: "1ms" } }, { call: "pool", hold: { exp: "4ms" } }] },
    ],
  },
  entry: "app",
  components: {
    app: { type: "station", servers: 64 },
    pool: { type: "pool", size: 16, queue: 1000, target: "db" },
    db: { type: "station", servers: 16 },
  },
});

/**
 * A cache in front of a database: 100,000 Zipf keys (s = 0.9), an LRU of 10,000 entries with a
 * 30 s TTL and coalesced misses, so hits, misses, evictions and expiries all stay on the hot path.
 */
export const cache = parsed({
  version: 1,
  seed: 7,
  run: { requests: 1_000_000, warmup: 10_000 },
  workload: {
    arrival: { process: "poisson", rate: 5000 },
    requests: [
      {
        name: "read",
        key: { zipf: { keys: 100_000, s: 0.9 } },
        steps: [{ call: "cache", hold: { exp: "4ms" } }],
      },
    ],
  },
  entry: "app",
  components: {
    app: { type: "station", servers: 1000 },
    cache: { type: "cache", target: "db", capacity: 10_000, ttl: "30s", hit: "200us", onMiss: "coalesce" },
    db: { type: "station", servers: 64 },
  },
});
