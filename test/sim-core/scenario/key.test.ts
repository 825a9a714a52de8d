// A request class's key: written as zipf or uniform, checked with paths, and drawn on its own
// stream so that adding keys to a class moves no other figure.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { simulate } from "../../../packages/sim-core/src/run/simulate";
import { parseScenario } from "../../../packages/sim-core/src/scenario/parse-scenario";

const mm1 = JSON.parse(readFileSync(join(import.meta.dirname, "../../../examples/mm1.json"), "utf8"));
const withKey = (key: unknown) => ({
  ...mm1,
  workload: { ...mm1.workload, requests: [{ ...mm1.workload.requests[0], key }] },
});
const problems = (input: unknown) => {
  const parsed = parseScenario(input);
  return parsed.ok ? [] : parsed.problems.map((p) => [p.path, p.code]);
};

describe("request keys", () => {
  test("are written as zipf over keys with an exponent, or uniform over keys", () => {
    const zipf = parseScenario(withKey({ zipf: { keys: 1000, s: 0.8 } }));
    expect(zipf.ok && zipf.scenario.workload.requests[0]!.key).toEqual({ kind: "zipf", keys: 1000, s: 0.8 });
    const uniform = parseScenario(withKey({ uniform: { keys: 10 } }));
    expect(uniform.ok && uniform.scenario.workload.requests[0]!.key).toEqual({ kind: "uniform", keys: 10 });
  });

  test("a bad key names its path and what to write", () => {
    expect(problems(withKey({ zipf: { keys: 0, s: 0.8 } }))).toEqual([
      ["workload.requests[0].key.zipf.keys", "scenario.too-small"],
    ]);
    expect(problems(withKey({ zipf: { keys: 10, s: -1 } }))).toEqual([
      ["workload.requests[0].key.zipf.s", "scenario.too-small"],
    ]);
    const parsed = parseScenario(withKey({ pareto: { keys: 10 } }));
    expect(parsed.ok ? "" : parsed.problems[0]!.message).toContain('{ "zipf": { "keys": 1000, "s": 0.8 } }');
  });

  test("keys are drawn on their own stream: a class that draws them moves no other figure", () => {
    const plain = simulate(mm1);
    const keyed = simulate(withKey({ zipf: { keys: 1_000_000, s: 1 } }));
    expect(keyed.scenarioHash).not.toBe(plain.scenarioHash);
    expect({ ...keyed, scenarioHash: "" }).toEqual({ ...plain, scenarioHash: "" });
  });
});
