// Connection pools: a bounded queue that rejects, acquire timeouts, release on failure, and a
// pgbouncer multiplexing many clients onto few server connections.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { PoolStats, Result, StationStats } from "../../../packages/sim-core/src/result/model";
import { simulate } from "../../../packages/sim-core/src/run/simulate";

const EXAMPLES = join(__dirname, "../../../examples/servers");
// biome-ignore lint/suspicious/noExplicitAny: scenarios are plain JSON edited in place by some tests
const example = (name: string): any => JSON.parse(readFileSync(join(EXAMPLES, `${name}.json`), "utf8"));
const pool = (result: Result, name = "pool"): PoolStats => result.components[name] as PoolStats;
const station = (result: Result, name: string): StationStats => result.components[name]!;

/** A station behind a pool: one request class that only calls the pool, from an entry that does nothing else. */
function pooled(
  poolSpec: object,
  hold: unknown,
  rate: number,
  db: object = { type: "station", servers: 100 },
) {
  return {
    version: 1,
    seed: 2,
    run: { duration: "20s", warmup: "2s" },
    workload: {
      arrival: { process: "poisson", rate },
      requests: [{ name: "q", steps: [{ call: "pool", hold }] }],
    },
    entry: "app",
    components: { app: { type: "station" }, pool: { type: "pool", target: "db", ...poolSpec }, db },
  };
}

describe("connection pool", () => {
  test("a pool in front of a server runs the call's steps there, holding a connection throughout", () => {
    // One connection, 10 ms of database CPU per query, 50 queries/s: an M/D/1 queue at ρ = 0.5 whose
    // mean response is 10 ms + ρ·10 ms / (2(1 − ρ)) = 15 ms (Pollaczek–Khinchine).
    const scenario = {
      version: 1,
      seed: 3,
      run: { duration: "200s", warmup: "5s" },
      workload: {
        arrival: { process: "poisson", rate: 50 },
        requests: [{ name: "q", steps: [{ call: "pool", steps: [{ cpu: "10ms" }] }] }],
      },
      entry: "app",
      components: {
        app: { type: "station" },
        pool: { type: "pool", size: 1, target: "db" },
        db: { type: "server", cores: 4, contextSwitch: 0, architecture: { kind: "thread-pool", threads: 8 } },
      },
    };
    const result = simulate(scenario);
    expect(result.requests.failed).toEqual({ rejected: 0, reset: 0, timeout: 0, limited: 0 });
    expect(result.latency.p50).toBeGreaterThan(0.0099); // every query spends its 10 ms of CPU at the server
    expect(Math.abs(result.latency.mean - 0.015) / 0.015).toBeLessThan(0.06);
    expect(pool(result).inUse.max).toBe(1);
  });

  test("a call to a pool in front of a server needs steps, and hold is refused", () => {
    const base = {
      version: 1,
      seed: 1,
      run: { duration: "1s" },
      workload: {
        arrival: { process: "poisson", rate: 1 },
        requests: [{ name: "q", steps: [{ call: "pool", hold: "5ms" }] }],
      },
      entry: "pool",
      components: {
        pool: { type: "pool", size: 1, target: "db" },
        db: { type: "server", cores: 1, architecture: { kind: "thread-pool", threads: 1 } },
      },
    };
    expect(() => simulate(base)).toThrowError(
      expect.objectContaining({
        problems: [
          expect.objectContaining({
            path: "workload.requests[0].steps[0]",
            code: "scenario.call-needs-steps",
            message: expect.stringContaining(
              'A call to the server "db" (through the pool "pool") needs "steps"',
            ),
          }),
          expect.objectContaining({
            path: "workload.requests[0].steps[0].hold",
            code: "scenario.call-extra",
          }),
        ],
      }),
    );
  });

  test("a full pool queue rejects: throughput stays at size / hold", () => {
    const result = simulate(example("pool-queue-full"));
    const stats = pool(result);
    expect(Math.abs(result.throughput - 5 / 0.02) / 250).toBeLessThan(0.05);
    expect(stats.rejected).toBeGreaterThan(0.3 * result.requests.arrived);
    expect(result.requests.failed.rejected).toBe(stats.rejected);
    expect(stats.inUse.max).toBe(5);
    expect(stats.queueLength.max).toBe(20);
    expect(stats.acquireTimeouts).toBe(0); // 20 waiters drain in 80 ms, well within 500 ms
    // Bounded waiting keeps latency bounded: at most 20 queries ahead, 5 at a time.
    expect(result.latency.p99).toBeLessThan(0.25);
  });

  test("a caller waiting longer than acquireTimeout is rejected", () => {
    // One connection held 100 ms at a time, 20 callers per second: each waits ~ up to its turn.
    const result = simulate(pooled({ size: 1, queue: 1000, acquireTimeout: "250ms" }, "100ms", 20));
    const stats = pool(result);
    expect(stats.acquireTimeouts).toBeGreaterThan(0);
    expect(stats.rejected).toBe(stats.acquireTimeouts);
    expect(result.requests.failed.rejected).toBe(stats.acquireTimeouts);
    // Nobody who got through waited more than the timeout.
    expect(result.latency.max).toBeLessThanOrEqual(0.25 + 0.1 + 1e-9);
    expect(Math.abs(result.throughput - 10) / 10).toBeLessThan(0.05); // the connection never idles
  });

  test("connections are released when the target rejects the call", () => {
    // The database refuses all but one query at a time; the pool must not leak its 4 connections.
    const result = simulate(
      pooled({ size: 4, queue: 10 }, "10ms", 50, { type: "station", servers: 1, capacity: 1 }),
    );
    expect(station(result, "db").rejected).toBeGreaterThan(0);
    expect(pool(result).inUse.max).toBeLessThanOrEqual(4);
    expect(result.requests.completed).toBeGreaterThan(0.5 * result.requests.arrived);
    expect(result.requests.completed + result.requests.failed.rejected).toBeGreaterThanOrEqual(
      result.requests.arrived - 5,
    );
  });

  test("without a target the pool holds the connection for the call's hold itself", () => {
    const spec = pooled({ size: 2 }, "10ms", 20);
    delete (spec.components.pool as { target?: string }).target;
    const result = simulate(spec);
    // 20/s × 10 ms on 2 connections: M/D/2 at 10% load, so almost nobody waits and nobody waits long.
    expect(result.latency.p50).toBeCloseTo(0.01, 4);
    expect(result.latency.mean).toBeGreaterThanOrEqual(0.01);
    expect(result.latency.mean).toBeLessThan(0.0102);
    expect(result.latency.max).toBeLessThan(0.021);
    expect(pool(result).served).toBe(result.requests.completed);
  });
});

describe("pgbouncer (transaction pooling)", () => {
  test("without it, bursts push Postgres past max_connections and it refuses clients", () => {
    const result = simulate(example("postgres-direct"));
    expect(station(result, "db").inSystem.max).toBe(100);
    expect(station(result, "db").rejected).toBeGreaterThan(1000);
    expect(result.requests.failed.rejected).toBe(station(result, "db").rejected);
  });

  test("with it, 1000 clients share 20 server connections: Postgres refuses nobody", () => {
    const result = simulate(example("pgbouncer"));
    const bouncer = pool(result, "bouncer");
    expect(station(result, "db").inSystem.max).toBeLessThanOrEqual(20);
    expect(station(result, "db").rejected).toBe(0);
    expect(result.requests.failed).toEqual({ rejected: 0, reset: 0, timeout: 0, limited: 0 });
    expect(bouncer.inUse.max).toBe(20);
    expect(bouncer.queueLength.max).toBeGreaterThan(100); // the burst waits in pgbouncer instead
  });

  test("more clients than clientConnections are refused", () => {
    const spec = example("pgbouncer");
    spec.components.bouncer.clientConnections = 50;
    const result = simulate(spec);
    expect(pool(result, "bouncer").inSystem.max).toBeLessThanOrEqual(50);
    expect(pool(result, "bouncer").rejected).toBeGreaterThan(0);
    expect(station(result, "db").rejected).toBe(0);
  });
});
