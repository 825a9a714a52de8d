// Any component can fail: while down it refuses connections (a fast failure, counted as reset) or
// hangs (requests wait until their client's timeout); scheduled and random outages, on every kind.
import { describe, expect, test } from "vitest";
import { componentKinds } from "../../../packages/sim-core/src/component-kinds";
import { simulate } from "../../../packages/sim-core/src/run/simulate";
import { scenarioJsonSchema } from "../../../packages/sim-core/src/scenario/json-schema";

const rate = 50;

function stationRun(station: Record<string, unknown>, timeout?: string) {
  return simulate({
    version: 1,
    seed: 3,
    run: { duration: "100s" },
    workload: {
      arrival: { process: "poisson", rate },
      requests: [{ name: "r", ...(timeout ? { timeout } : {}), steps: [{ service: { exp: "1ms" } }] }],
    },
    entry: "q",
    components: { q: { type: "station", ...station } },
  });
}

describe("a scheduled outage", () => {
  test("refused: arrivals during the outage fail at once as reset, the rest complete", () => {
    const result = stationRun({ outages: [{ at: "20s", for: "30s" }] });
    const expected = rate * 30; // Poisson count in 30 s: sd √1500 ≈ 39
    expect(Math.abs(result.requests.failed.reset - expected)).toBeLessThan(4 * Math.sqrt(expected));
    expect(result.requests.failed.timeout).toBe(0);
    expect(result.requests.completed + result.requests.failed.reset).toBe(result.requests.arrived);
    const q = result.components.q as { outages: { downtime: number; failed: number } };
    expect(q.outages.downtime).toBeCloseTo(30, 6);
    expect(q.outages.failed).toBe(result.requests.failed.reset);
  });

  test("hung: arrivals during the outage time out after the client's timeout", () => {
    const result = stationRun({ outages: [{ at: "20s", for: "30s", mode: "hang" }] }, "2s");
    const expected = rate * 30;
    expect(result.requests.failed.reset).toBe(0);
    expect(Math.abs(result.requests.failed.timeout - expected)).toBeLessThan(4 * Math.sqrt(expected));
    expect(result.latency.max).toBeLessThan(1); // no completed request waited out the outage
  });

  test("hung without a timeout: requests end, reset, when the component comes back", () => {
    const result = stationRun({ outages: [{ at: "20s", for: "30s", mode: "hang" }] });
    expect(result.requests.failed.timeout).toBe(0);
    expect(Math.abs(result.requests.failed.reset - rate * 30)).toBeLessThan(4 * Math.sqrt(rate * 30));
  });
});

test("random outages are down mttr / (mtbf + mttr) of the time", () => {
  // Alternating renewal: the down fraction is mttr / (mtbf + mttr) = 1/6. Over 10,000 s there are
  // about 10000 / 6 ≈ 1,667 cycles; the fraction's sd is about √(2/1667) × (1/6)(5/6) ≈ 0.0048.
  const result = simulate({
    version: 1,
    seed: 5,
    run: { duration: "10000s" },
    workload: {
      arrival: { process: "poisson", rate: 1 },
      requests: [{ name: "r", steps: [{ service: "1ms" }] }],
    },
    entry: "q",
    components: { q: { type: "station", outages: [{ mtbf: "5s", mttr: "1s" }] } },
  });
  const q = result.components.q as { outages: { downtime: number } };
  expect(Math.abs(q.outages.downtime / 10000 - 1 / 6)).toBeLessThan(0.02);
  expect(Math.abs(result.requests.failed.reset / result.requests.arrived - 1 / 6)).toBeLessThan(0.03);
});

test("every kind's schema takes outages, and the JSON Schema says so", () => {
  const defs = JSON.stringify(scenarioJsonSchema);
  for (const kind of componentKinds) {
    const parsed = kind.schema.parse({ type: kind.type, outages: [{ at: "1s", for: "2s" }] }) as {
      outages?: unknown;
    };
    // A kind with outages of its own (workers: a crash, not a refusal) states what they do itself.
    if (kind.ownOutages === true) {
      expect(parsed.outages).toMatchObject([{ at: 1, for: 2 }]);
      continue;
    }
    expect(parsed.outages).toEqual([{ kind: "scheduled", at: 1, for: 2, mode: "refuse" }]);
    expect(kind.schema.parse({ type: kind.type })).not.toHaveProperty("outages");
  }
  expect(defs.match(/"outages"/g)?.length ?? 0).toBeGreaterThanOrEqual(componentKinds.length);
});

test("a pool's own checks and JSON Schema keywords survive the added field", () => {
  const pool = componentKinds.find((kind) => kind.type === "pool")!;
  expect(pool.schema.safeParse({ type: "pool", queue: 3, mode: "transaction" }).success).toBe(false);
  expect(JSON.stringify(scenarioJsonSchema)).toContain('"clientConnections"]}}');
});
