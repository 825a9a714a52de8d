// The pool component's fields: defaults per mode (HikariCP, pgbouncer) and clear errors.
import { describe, expect, test } from "vitest";
import type { Problem } from "../../../packages/sim-core/src/errors/problem";
import { parseScenario } from "../../../packages/sim-core/src/scenario/parse-scenario";

const withPool = (pool: object) => ({
  version: 1,
  seed: 1,
  run: { duration: "1s" },
  workload: {
    arrival: { process: "poisson", rate: 1 },
    requests: [{ name: "r", steps: [{ call: "pool", hold: "1ms" }] }],
  },
  entry: "app",
  components: { app: { type: "station" }, pool: { type: "pool", ...pool }, db: { type: "station" } },
});

function parsedPool(pool: object) {
  const parsed = parseScenario(withPool(pool));
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  return parsed.scenario.components.pool;
}

function problems(pool: object): Problem[] {
  const parsed = parseScenario(withPool(pool));
  if (parsed.ok) throw new Error("expected problems, the scenario validated");
  return parsed.problems;
}

describe("pool schema", () => {
  test("an application pool defaults to HikariCP's figures, with an unbounded queue", () => {
    expect(parsedPool({ target: "db" })).toEqual({
      type: "pool",
      mode: "pool",
      size: 10,
      acquireTimeout: 30,
      target: "db",
    });
    expect(parsedPool({ size: 20, queue: 100, acquireTimeout: "1s", target: "db" })).toEqual({
      type: "pool",
      mode: "pool",
      size: 20,
      queue: 100,
      acquireTimeout: 1,
      target: "db",
    });
  });

  test("transaction mode defaults to pgbouncer's figures; its queue is clientConnections − size", () => {
    expect(parsedPool({ mode: "transaction", target: "db" })).toEqual({
      type: "pool",
      mode: "transaction",
      size: 20,
      queue: 80,
      acquireTimeout: 120,
      clientConnections: 100,
      target: "db",
    });
    expect(parsedPool({ mode: "transaction", clientConnections: 1000, size: 20 })).toMatchObject({
      queue: 980,
    });
  });

  test("a field of the other mode is named, with the fields allowed", () => {
    const [p] = problems({ clientConnections: 1000 });
    expect(p).toMatchObject({ path: "components.pool.clientConnections", code: "scenario.unknown-key" });
    expect(p!.message).toContain("type, mode, size, queue, acquireTimeout, target");
    const [q] = problems({ mode: "transaction", queue: 10 });
    expect(q).toMatchObject({ path: "components.pool.queue", code: "scenario.unknown-key" });
  });

  test("fewer client connections than server connections is an error", () => {
    const [p] = problems({ mode: "transaction", size: 20, clientConnections: 10 });
    expect(p).toMatchObject({ path: "components.pool.clientConnections", code: "scenario.too-small" });
    expect(p!.message).toBe("Must be at least size (20); got 10.");
  });

  test("sizes are positive whole numbers, the mode exact, the timeout a duration", () => {
    const found = problems({ mode: "session", size: 0, queue: -1, acquireTimeout: "soon" });
    const byPath = Object.fromEntries(found.map((p) => [p.path, p.code]));
    expect(byPath).toMatchObject({
      "components.pool.mode": "scenario.value",
      "components.pool.size": "scenario.too-small",
      "components.pool.queue": "scenario.too-small",
      "components.pool.acquireTimeout": "scenario.duration",
    });
  });

  test("the target must name a component", () => {
    const [p] = problems({ target: "bd" });
    expect(p).toMatchObject({ path: "components.pool.target", code: "scenario.unknown-component" });
    expect(p!.message).toContain('"db"');
  });
});
