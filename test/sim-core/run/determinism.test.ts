// Determinism: the same scenario and seed give byte-identical result JSON; other seeds differ.
import { runScenario } from "@syslab/sim-core";
import { describe, expect, test } from "vitest";
import { exp, openStation } from "../support/scenarios";

describe("determinism", () => {
  const scenario = openStation({
    rate: 3,
    service: exp(1),
    station: { servers: 4, discipline: "ps" },
    classes: [
      { name: "a", weight: 2, priority: 1, timeout: 5, steps: [{ kind: "service", duration: exp(1) }] },
      {
        name: "b",
        weight: 1,
        priority: 0,
        steps: [{ kind: "service", duration: { kind: "lognormal", mu: 0, sigma: 1 } }],
      },
    ],
    requests: 20_000,
    seed: 99,
  });

  test("same seed → identical JSON, run after run", () => {
    const first = JSON.stringify(runScenario(scenario));
    const second = JSON.stringify(runScenario(scenario));
    expect(second).toBe(first);
  });

  test("a structurally equal copy of the scenario gives the same JSON", () => {
    expect(JSON.stringify(runScenario(structuredClone(scenario)))).toBe(
      JSON.stringify(runScenario(scenario)),
    );
  });

  test("different seeds → different results", () => {
    const a = runScenario(scenario);
    const b = runScenario({ ...scenario, seed: 100 });
    expect(b.latency.mean).not.toBe(a.latency.mean);
    expect(JSON.stringify(b)).not.toBe(JSON.stringify(a));
  });

  test("adding a component that no request visits does not shift anyone's random draws", () => {
    const a = runScenario(scenario);
    const b = runScenario({
      ...scenario,
      components: { ...scenario.components, idle: { type: "station", servers: 1, discipline: "fcfs" } },
    });
    expect(b.latency).toEqual(a.latency);
    expect(b.requests).toEqual(a.requests);
  });

  test("result keys come in a fixed order and numbers have at most 9 significant digits", () => {
    const result = runScenario(scenario);
    expect(Object.keys(result)).toEqual([
      "engine",
      "scenarioHash",
      "seed",
      "simulated",
      "requests",
      "throughput",
      "latency",
      "wait",
      "inSystem",
      "components",
      "series",
    ]);
    const numbers = JSON.stringify(result).match(/-?\d+\.\d+(e-?\d+)?/g) ?? [];
    for (const n of numbers)
      expect(
        n
          .replace(/^-?0\.0*/, "")
          .replace(/[.-]/g, "")
          .replace(/e\d+$/, "").length,
      ).toBeLessThanOrEqual(9);
  });
});
