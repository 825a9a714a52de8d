import { describe, expect, test } from "vitest";
import {
  inputShapeProblems,
  MAX_INPUT_DEPTH,
  MAX_INPUT_VALUES,
} from "../../../packages/sim-core/src/scenario/input-shape";
import { parseScenario } from "../../../packages/sim-core/src/scenario/parse-scenario";
import { designMmc } from "./scenario-fixtures";

/** `levels` lists inside each other around `inner`, built without recursion. */
function nestedLists(levels: number, inner: unknown = 1): unknown {
  let value = inner;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
}

/** A request whose steps call a server that calls itself `depth` times. */
function nestedCalls(depth: number) {
  let steps: unknown[] = [{ cpu: "1ms" }];
  for (let i = 0; i < depth; i++) steps = [{ call: "web", steps }];
  return {
    ...designMmc,
    workload: { ...designMmc.workload, requests: [{ name: "job", steps }] },
    entry: "web",
    components: { web: { type: "server" } },
  };
}

function problems(input: unknown) {
  const parsed = parseScenario(input);
  if (parsed.ok) throw new Error("expected problems, the scenario validated");
  return parsed.problems;
}

describe("how deep an input may nest", () => {
  test(`${MAX_INPUT_DEPTH} levels pass the check; one more is named at its path`, () => {
    expect(inputShapeProblems(nestedLists(MAX_INPUT_DEPTH))).toEqual([]);
    const [problem, ...rest] = inputShapeProblems(nestedLists(MAX_INPUT_DEPTH + 1));
    expect(rest).toEqual([]);
    expect(problem!.code).toBe("scenario.too-deep");
    expect(problem!.path).toBe("[0]".repeat(MAX_INPUT_DEPTH));
    expect(problem!.message).toContain(`more than ${MAX_INPUT_DEPTH} levels`);
  });

  test.each([5_000, 100_000, 1_000_000])(
    "a workload nested %i lists deep is one problem, not a crash",
    (n) => {
      const found = problems({ ...designMmc, workload: nestedLists(n) });
      expect(found.map((p) => p.code)).toEqual(["scenario.too-deep"]);
      expect(found[0]!.path).toBe(`workload${"[0]".repeat(MAX_INPUT_DEPTH - 1)}`);
    },
  );

  test("objects nested 100,000 deep, as a field of a component", () => {
    let value: unknown = 1;
    for (let i = 0; i < 100_000; i++) value = { a: value };
    const found = problems({ ...designMmc, components: { q: { type: "station", servers: value } } });
    expect(found.map((p) => p.code)).toEqual(["scenario.too-deep"]);
    expect(found[0]!.path).toMatch(/^components\.q\.servers(\.a)+$/);
  });

  test("calls nested inside calls: a dozen are a valid scenario, thousands are refused", () => {
    expect(parseScenario(nestedCalls(12)).ok).toBe(true);
    const found = problems(nestedCalls(5_000));
    expect(found.map((p) => p.code)).toEqual(["scenario.too-deep"]);
    expect(found[0]!.path).toMatch(/^workload\.requests\[0\]\.steps\[0\](\.steps\[0\])+(\.steps)?$/);
  });

  test("a deep list in place of the whole scenario is described briefly", () => {
    const [problem] = problems(nestedLists(200_000));
    expect(problem!.code).toBe("scenario.not-object");
    expect(problem!.message.length).toBeLessThan(300);
    expect(problem!.message).toContain("a list ([[[[");
  });

  test("an object that contains itself is refused, not walked for ever", () => {
    const cyclic: Record<string, unknown> = { type: "station" };
    cyclic.self = cyclic;
    const found = problems({ ...designMmc, components: { q: cyclic } });
    expect(found.map((p) => p.code)).toEqual(["scenario.too-deep"]);
  });
});

describe("how much an input may hold", () => {
  test(`${MAX_INPUT_VALUES.toLocaleString("en")} values pass the check; more are refused at the top`, () => {
    // The scenario's own values, then an empirical list that brings the count to the limit exactly.
    const withSamples = (count: number) => ({
      ...designMmc,
      workload: {
        ...designMmc.workload,
        requests: [{ name: "job", steps: [{ service: { empirical: new Array(count).fill(0.001) } }] }],
      },
    });
    const own = 22; // every object, list and value of designMmc with a one-sample list, the input included
    expect(inputShapeProblems(withSamples(1))).toEqual([]);
    expect(inputShapeProblems(withSamples(MAX_INPUT_VALUES - own + 1))).toEqual([]);
    const found = inputShapeProblems(withSamples(MAX_INPUT_VALUES - own + 2));
    expect(found).toEqual([
      { path: "", code: "scenario.too-many-values", message: expect.stringContaining("more than 1000000") },
    ]);
  });
});

describe('"__proto__" keys', () => {
  test("a component named __proto__ is reported, never silently dropped", () => {
    const components = JSON.parse(
      '{"__proto__": {"type": "station"}, "q": {"type": "station", "servers": 4}}',
    );
    const found = problems({ ...designMmc, components });
    expect(found).toEqual([
      {
        path: "components.__proto__",
        code: "scenario.reserved-key",
        message:
          '"__proto__" cannot be a field or a name: JavaScript reserves it, so it would be lost. Rename it.',
      },
    ]);
  });

  test("a __proto__ field is listed once, beside the scenario's other problems", () => {
    const arrival = JSON.parse('{"__proto__": {"rate": 1}, "process": "poisson", "rate": -1}');
    const found = problems({ ...designMmc, workload: { ...designMmc.workload, arrival } });
    expect(found.map((p) => [p.path, p.code])).toEqual([
      ["workload.arrival.__proto__", "scenario.reserved-key"],
      ["workload.arrival.rate", "scenario.too-small"],
    ]);
  });

  test("constructor and prototype are ordinary names", () => {
    const parsed = parseScenario({
      ...designMmc,
      entry: "constructor",
      components: { constructor: { type: "station" }, prototype: { type: "station" } },
    });
    expect(parsed.ok).toBe(true);
  });
});
