// Adding a component kind is one folder and one list entry: a toy "delay" kind, added to the list
// here, is validated, checked in references, documented in the JSON Schema and reported in the result.
import { describe, expect, test } from "vitest";
import { componentKinds } from "../../../packages/sim-core/src/component-kinds";
import { runScenario } from "../../../packages/sim-core/src/run/run-scenario";
import { jsonSchemaOf } from "../../../packages/sim-core/src/scenario/json-schema";
import { createScenarioParser, parseScenario } from "../../../packages/sim-core/src/scenario/parse-scenario";
import { delayKind } from "./delay/delay-kind";

const kinds = [...componentKinds, delayKind];
const parse = createScenarioParser(kinds);

// biome-ignore lint/suspicious/noExplicitAny: scenarios are plain JSON edited in place by each test
function scenario(wait: object, call: object = { call: "wait", hold: "10ms" }): any {
  return {
    version: 1,
    seed: 4,
    run: { requests: 20_000 },
    workload: { arrival: { process: "poisson", rate: 20 }, requests: [{ name: "r", steps: [call] }] },
    entry: "app",
    components: {
      app: { type: "station" },
      wait: { type: "delay", ...wait },
      db: { type: "station", servers: 4 },
    },
  };
}

const problems = (input: unknown) => {
  const parsed = parse(input);
  return parsed.ok ? [] : parsed.problems.map((p) => [p.path, p.code]);
};

describe("a component kind added by one descriptor", () => {
  test("is unknown until it is in the list", () => {
    const parsed = parseScenario(scenario({ delay: "5ms", next: "db" }));
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.problems[0]!.message).toContain("station, server, pool");
  });

  test("is validated by its own schema, with every problem named by its path", () => {
    expect(problems(scenario({ delay: "5 parsecs", next: "db" }))).toEqual([
      ["components.wait.delay", "scenario.duration"],
    ]);
    expect(problems(scenario({ delai: "5ms", next: "db" }))).toEqual([
      ["components.wait.delay", "scenario.required"],
      ["components.wait.delai", "scenario.unknown-key"],
    ]);
  });

  test("has the names it gives checked, with a suggestion", () => {
    const parsed = parse(scenario({ delay: "5ms", next: "dbb" }));
    expect(parsed.ok ? [] : parsed.problems.map((p) => [p.path, p.code, p.message])).toEqual([
      ["components.wait.next", "scenario.unknown-component", expect.stringContaining('Did you mean "db"?')],
    ]);
  });

  test("has calls to it checked against what it needs, looking through it to its target", () => {
    // Passing calls to a station, it needs what the station needs: a hold.
    expect(problems(scenario({ delay: "5ms", next: "db" }, { call: "wait" }))).toEqual([
      ["workload.requests[0].steps[0]", "scenario.call-needs-hold"],
    ]);
    // On its own it needs nothing, so a hold is a mistake.
    expect(problems(scenario({ delay: "5ms" }))).toEqual([
      ["workload.requests[0].steps[0].hold", "scenario.call-extra"],
    ]);
    expect(problems(scenario({ delay: "5ms" }, { call: "wait" }))).toEqual([]);
  });

  test("is documented in the JSON Schema, with its descriptions", () => {
    const schema = JSON.stringify(jsonSchemaOf(kinds));
    expect(schema).toContain('"const":"delay"');
    expect(schema).toContain("How long a call waits here.");
    expect(JSON.stringify(jsonSchemaOf(componentKinds))).not.toContain('"const":"delay"');
  });

  test("runs, forwards, and reports its figures in the result under its type", () => {
    const parsed = parse(scenario({ delay: "5ms", next: "db" }));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const result = runScenario(parsed.scenario, {}, kinds);
    const wait = result.components.wait as unknown as { type: string; served: number };
    expect(wait.type).toBe("delay");
    expect(wait.served).toBe(result.requests.completed);
    expect(result.components.db!.served).toBe(result.requests.completed);
    // 5 ms here, then the db station's 10 ms hold with 4 servers at 5% load: almost never a wait.
    expect(result.latency.p50).toBeCloseTo(0.015, 4); // percentiles are kept to 0.05 %
    expect(result.latency.mean).toBeLessThan(0.0151);
  });
});
