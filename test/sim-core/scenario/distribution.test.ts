import { describe, expect, test } from "vitest";
import type { Problem } from "../../../packages/sim-core/src/errors/problem";
import type { Distribution } from "../../../packages/sim-core/src/scenario/model";
import { parseScenario } from "../../../packages/sim-core/src/scenario/parse-scenario";
import { tandem } from "./scenario-fixtures";

// Distributions are read where a scenario uses them: here, the service time of the first step.
const PATH = "workload.requests[0].steps[0].service";

function read(distribution: unknown): { value?: Distribution; problems: Problem[] } {
  const s = tandem();
  s.workload.requests[0].steps[0] = { service: distribution };
  const parsed = parseScenario(s);
  if (!parsed.ok) return { problems: parsed.problems };
  const step = parsed.scenario.workload.requests[0]!.steps[0]!;
  return { value: step.kind === "service" ? step.duration : undefined, problems: [] };
}

const parsed = (distribution: unknown) => {
  const { value, problems } = read(distribution);
  expect(problems).toEqual([]);
  return value;
};

const rejected = (distribution: unknown) => {
  const { problems } = read(distribution);
  expect(problems.length).toBeGreaterThan(0);
  return problems.map((p) => ({ path: p.path.slice(PATH.length), code: p.code, message: p.message }));
};

describe("each form", () => {
  test("a bare duration is a constant", () => {
    expect(parsed("5ms")).toEqual({ kind: "constant", value: 0.005 });
    expect(parsed(0.25)).toEqual({ kind: "constant", value: 0.25 });
  });

  test("exp takes the mean", () => {
    expect(parsed({ exp: "5ms" })).toEqual({ kind: "exp", mean: 0.005 });
  });

  test("uniform takes [min, max]", () => {
    expect(parsed({ uniform: ["1ms", "5ms"] })).toEqual({ kind: "uniform", min: 0.001, max: 0.005 });
  });

  test("normal takes mean and sd", () => {
    expect(parsed({ normal: { mean: "5ms", sd: "1ms" } })).toEqual({
      kind: "normal",
      mean: 0.005,
      sd: 0.001,
    });
  });

  test("lognormal from median and p99: mu = ln(median), sigma = ln(p99/median) / z(0.99)", () => {
    const d = parsed({ lognormal: { median: "20ms", p99: "120ms" } });
    expect(d?.kind).toBe("lognormal");
    if (d?.kind !== "lognormal") return;
    expect(d.mu).toBeCloseTo(Math.log(0.02), 12);
    expect(d.sigma).toBeCloseTo(Math.log(6) / 2.326347874, 12);
    // Round trip: the p99 of the resulting lognormal is the p99 given.
    expect(Math.exp(d.mu + 2.326347874 * d.sigma)).toBeCloseTo(0.12, 12);
  });

  test("lognormal from mu and sigma", () => {
    expect(parsed({ lognormal: { mu: -4, sigma: 0.8 } })).toEqual({ kind: "lognormal", mu: -4, sigma: 0.8 });
  });

  test("erlang, hyperexp, pareto, empirical", () => {
    expect(parsed({ erlang: { k: 3, mean: "6ms" } })).toEqual({ kind: "erlang", k: 3, mean: 0.006 });
    expect(parsed({ hyperexp: { mean: "10ms", scv: 4 } })).toEqual({ kind: "hyperexp", mean: 0.01, scv: 4 });
    expect(parsed({ pareto: { scale: "1ms", shape: 2.5 } })).toEqual({
      kind: "pareto",
      scale: 0.001,
      shape: 2.5,
    });
    expect(parsed({ empirical: ["1ms", "2ms", "9ms"] })).toEqual({
      kind: "empirical",
      values: [0.001, 0.002, 0.009],
    });
  });
});

describe("each form's own errors", () => {
  test("a string without a unit, or a bad unit, is not a duration", () => {
    expect(rejected("5")).toEqual([expect.objectContaining({ path: "", code: "scenario.duration" })]);
    expect(rejected({ exp: "5 sec" })).toEqual([
      expect.objectContaining({ path: ".exp", code: "scenario.duration" }),
    ]);
  });

  test("an unknown name, with a suggestion", () => {
    const [problem] = rejected({ expo: "5ms" });
    expect(problem).toMatchObject({ path: "", code: "scenario.distribution" });
    expect(problem!.message).toContain('Did you mean "exp"?');
  });

  test("an extra key beside a known one is named alone", () => {
    expect(rejected({ exp: "5ms", sd: "1ms" })).toEqual([
      expect.objectContaining({ path: ".sd", code: "scenario.unknown-key" }),
    ]);
  });

  test("parameters out of range", () => {
    expect(rejected({ exp: 0 })).toMatchObject([{ path: ".exp", code: "scenario.distribution-parameter" }]);
    expect(rejected({ uniform: ["5ms", "1ms"] })).toMatchObject([
      { path: ".uniform", code: "scenario.distribution-parameter" },
    ]);
    expect(rejected({ uniform: ["5ms"] })).toMatchObject([
      { path: ".uniform", code: "scenario.list-length" },
    ]);
    expect(rejected({ lognormal: { median: "20ms", p99: "20ms" } })).toMatchObject([
      { path: ".lognormal.p99", code: "scenario.distribution-parameter" },
    ]);
    expect(rejected({ lognormal: { median: "20ms" } })).toMatchObject([
      { path: ".lognormal.p99", code: "scenario.required" },
    ]);
    expect(rejected({ lognormal: { mu: -4, sigma: -1 } })).toMatchObject([
      { path: ".lognormal.sigma", code: "scenario.distribution-parameter" },
    ]);
    expect(rejected({ erlang: { k: 2.5, mean: "6ms" } })).toMatchObject([
      { path: ".erlang.k", code: "scenario.distribution-parameter" },
    ]);
    expect(rejected({ hyperexp: { mean: "10ms", scv: 0.5 } })).toMatchObject([
      { path: ".hyperexp.scv", code: "scenario.distribution-parameter" },
    ]);
    expect(rejected({ pareto: { scale: "1ms", shape: 0 } })).toMatchObject([
      { path: ".pareto.shape", code: "scenario.distribution-parameter" },
    ]);
    expect(rejected({ empirical: [] })).toMatchObject([
      { path: ".empirical", code: "scenario.distribution-parameter" },
    ]);
  });

  test("the wording of parameter errors", () => {
    const messages = [
      { lognormal: { median: "50ms", p99: "20ms" } },
      { hyperexp: { mean: "10ms", scv: 0.5 } },
      { erlang: { k: 0, mean: "1ms" } },
      { uniform: ["5ms", "1ms"] },
      { lognormal: { median: "1ms", sigma: 1 } },
      {},
    ].map((d) => rejected(d).map((p) => `${p.path}: ${p.message}`));
    expect(messages).toMatchInlineSnapshot(`
      [
        [
          ".lognormal.p99: In this lognormal distribution, p99 must be greater than the median; got p99 0.02 s and median 0.05 s.",
        ],
        [
          ".hyperexp.scv: In this hyperexp distribution, scv must be at least 1 (a hyperexponential varies at least as much as an exponential); got 0.5. For less variable service use erlang.",
        ],
        [
          ".erlang.k: In this erlang distribution, k must be a whole number from 1 to 1000; got 0.",
        ],
        [
          ".uniform: In this uniform distribution, the first bound must not exceed the second; got [0.005 s, 0.001 s].",
        ],
        [
          ".lognormal: In this lognormal distribution, write { "median": "20ms", "p99": "120ms" } or { "mu": -4, "sigma": 0.8 }; got an object with "median", "sigma".",
        ],
        [
          ": An empty object {} is not a distribution; write a duration ("5ms"), or one of { "exp": "5ms" }, { "uniform": ["1ms", "5ms"] }, { "normal": { "mean", "sd" } }, { "lognormal": { "median", "p99" } }, { "lognormal": { "mu", "sigma" } }, { "erlang": { "k", "mean" } }, { "hyperexp": { "mean", "scv" } }, { "pareto": { "scale", "shape" } }, { "empirical": [ … ] }.",
        ],
      ]
    `);
  });
});
