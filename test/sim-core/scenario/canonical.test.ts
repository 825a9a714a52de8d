import { describe, expect, test } from "vitest";
import { canonicalScenario, scenarioHash } from "../../../packages/sim-core/src/scenario/canonical";
import type { Scenario } from "../../../packages/sim-core/src/scenario/model";
import { parseScenario } from "../../../packages/sim-core/src/scenario/parse-scenario";
import { designMmc, tandem } from "./scenario-fixtures";

function normalized(input: unknown): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  return parsed.scenario;
}

describe("canonical scenario and hash", () => {
  test("the hash is hex SHA-256", () => {
    expect(scenarioHash(normalized(designMmc))).toMatch(/^[0-9a-f]{64}$/);
  });

  test('"5ms" and 0.005 hash the same', () => {
    const a = tandem();
    const b = tandem();
    a.workload.requests[0].steps[0] = { service: { exp: "5ms" } };
    b.workload.requests[0].steps[0] = { service: { exp: 0.005 } };
    expect(scenarioHash(normalized(a))).toBe(scenarioHash(normalized(b)));
  });

  test("defaults written out, key order and the description do not change the hash", () => {
    const a = tandem();
    const b = tandem();
    b.components = {
      db: { servers: 1, type: "station", discipline: "fcfs" },
      web: { servers: 2, type: "station" },
    };
    b.workload.requests[0].weight = 1;
    b.description = "two stations in a row";
    expect(scenarioHash(normalized(a))).toBe(scenarioHash(normalized(b)));
  });

  test("a different seed, rate or duration gives a different hash", () => {
    const base = scenarioHash(normalized(tandem()));
    const seed = tandem();
    seed.seed = 2;
    const rate = tandem();
    rate.workload.arrival.rate = 101;
    const hold = tandem();
    hold.workload.requests[0].steps[1].hold = "3ms";
    const hashes = [base, ...[seed, rate, hold].map((s) => scenarioHash(normalized(s)))];
    expect(new Set(hashes).size).toBe(4);
  });

  test("the canonical form sorts keys at every level and keeps arrays in order", () => {
    const canonical = canonicalScenario(normalized(tandem()));
    expect(Object.keys(canonical)).toEqual(["components", "entry", "run", "seed", "version", "workload"]);
    expect(Object.keys(canonical.components)).toEqual(["db", "web"]);
    expect(Object.keys(canonical.components.web!)).toEqual(["discipline", "servers", "type"]);
    expect(canonical.workload.requests[0]!.steps.map((s) => s.kind)).toEqual(["service", "call"]);
  });

  test("the hash of a known scenario is pinned (a change to it is a change to every run id)", () => {
    expect(scenarioHash(normalized(designMmc))).toMatchInlineSnapshot(
      `"c0ffd2a948f886aad9f04a4501aa3c23e54f44562849ec8f429945f233d410cd"`,
    );
  });
});
