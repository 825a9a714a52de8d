import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { SyslabError } from "../../../packages/sim-core/src/errors/syslab-error";
import { simulate } from "../../../packages/sim-core/src/run/simulate";
import { scenarioHash } from "../../../packages/sim-core/src/scenario/canonical";
import { parseScenario } from "../../../packages/sim-core/src/scenario/parse-scenario";
import { tandem } from "../scenario/scenario-fixtures";
import { expectLittlesLaw } from "../support/littles-law";

const examplesDir = join(import.meta.dirname, "../../../examples");

// Scenarios only: examples/programs/ holds programs, checked in test/sim-core/explorer/examples.test.ts.
function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "programs" ? [] : jsonFiles(path);
    return entry.name.endsWith(".json") ? [path] : [];
  });
}

const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, "utf8"));

describe("simulate", () => {
  test("parses and runs: the result carries the hash of the normalized scenario", () => {
    const input = tandem();
    const result = simulate(input);
    const parsed = parseScenario(input);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(result.scenarioHash).toBe(scenarioHash(parsed.scenario));
    expect(result.requests.completed).toBeGreaterThan(800); // 100/s for 10 s
    expect(Object.keys(result.components).sort()).toEqual(["db", "web"]);
    expectLittlesLaw(result);
  });

  test("an invalid scenario throws scenario.invalid listing every problem", () => {
    const input = tandem();
    input.entry = "nope";
    input.workload.arrival.rate = -1;
    try {
      simulate(input);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SyslabError);
      const e = error as SyslabError;
      expect(e.code).toBe("scenario.invalid");
      expect(e.message).toBe("The scenario has 2 problems.");
      expect(e.problems.map((p) => p.path).sort()).toEqual(["entry", "workload.arrival.rate"]);
    }
  });

  test("run options reach the engine: a host limit on events ends the run with limit.events", () => {
    expect(() => simulate(tandem(), { limits: { maxEvents: 500 } })).toThrow(
      expect.objectContaining({ code: "limit.events" }),
    );
  });

  test("the same input twice gives the same result", () => {
    expect(JSON.stringify(simulate(tandem()))).toBe(JSON.stringify(simulate(tandem())));
  });
});

describe("the examples folder", () => {
  const all = jsonFiles(examplesDir);
  const topLevel = all.filter((path) => !relative(examplesDir, path).includes("/"));

  test("holds the scenarios its README lists, each with a description", () => {
    const readme = readFileSync(join(examplesDir, "README.md"), "utf8");
    expect(topLevel.length).toBeGreaterThanOrEqual(12);
    for (const path of topLevel) {
      const name = relative(examplesDir, path);
      expect(readme, `README lists ${name}`).toContain(`(${name})`);
      expect(typeof readJson(path).description, `${name} has a description`).toBe("string");
    }
  });

  test.each(all.map((path) => relative(examplesDir, path)))("%s validates", (name) => {
    const parsed = parseScenario(readJson(join(examplesDir, name)));
    expect(parsed.ok ? [] : parsed.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([]);
  });

  test.each(topLevel.map((path) => relative(examplesDir, path)))(
    "%s runs, and Little's law holds",
    (name) => {
      const result = simulate(readJson(join(examplesDir, name)));
      expect(result.requests.completed).toBeGreaterThan(1000);
      expectLittlesLaw(result);
    },
  );

  test("the finite-capacity examples reject what their theory says they should (M/M/1/K, Erlang B)", () => {
    // M/M/1/K, ρ = 0.95, K = 10: P(full) = (1 − ρ)ρ^K / (1 − ρ^(K+1)) = 0.0694.
    const mm1k = simulate(readJson(join(examplesDir, "mm1k.json")));
    expect(mm1k.requests.failed.rejected / mm1k.requests.arrived).toBeGreaterThan(0.05);
    expect(mm1k.requests.failed.rejected / mm1k.requests.arrived).toBeLessThan(0.09);
    // Erlang B(10, 8) = 0.1217.
    const erlang = simulate(readJson(join(examplesDir, "erlang-b.json")));
    expect(erlang.requests.failed.rejected / erlang.requests.arrived).toBeGreaterThan(0.1);
    expect(erlang.requests.failed.rejected / erlang.requests.arrived).toBeLessThan(0.145);
  });
});
