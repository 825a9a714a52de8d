// The arrival field's new shapes as written: what they normalise to, and each problem named by its path.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parseScenario } from "../../../packages/sim-core/src/scenario/parse-scenario";

const mm1 = JSON.parse(readFileSync(join(import.meta.dirname, "../../../examples/mm1.json"), "utf8"));
const withArrival = (arrival: unknown) => ({ ...mm1, workload: { ...mm1.workload, arrival } });
const problems = (input: unknown) => {
  const parsed = parseScenario(input);
  return parsed.ok ? [] : parsed.problems.map((p) => [p.path, p.code, p.message]);
};

describe("arrival shapes", () => {
  test("a diurnal curve and flash crowds normalise to seconds, with defaults", () => {
    const parsed = parseScenario(
      withArrival({
        process: "poisson",
        rate: 100,
        diurnal: { period: "24h", peakFactor: 3, peakAt: "14h" },
        flashCrowds: [{ at: "1m", for: "30s", factor: 5 }],
      }),
    );
    expect(parsed.ok && parsed.scenario.workload.arrival).toEqual({
      process: "poisson",
      rate: 100,
      diurnal: { period: 86_400, peakFactor: 3, peakAt: 50_400 },
      flashCrowds: [{ at: 60, for: 30, factor: 5, ramp: 0 }],
    });
    const defaults = parseScenario(withArrival({ process: "poisson", rate: 1, diurnal: { peakFactor: 2 } }));
    expect(defaults.ok && defaults.scenario.workload.arrival).toMatchObject({
      diurnal: { period: 86_400, peakFactor: 2, peakAt: 0 },
    });
  });

  test("a trace normalises bare times to { at }", () => {
    const parsed = parseScenario(
      withArrival({ process: "trace", arrivals: [0.5, "1.5s", { at: "2s", key: 4 }] }),
    );
    expect(parsed.ok && parsed.scenario.workload.arrival).toEqual({
      process: "trace",
      arrivals: [{ at: 0.5 }, { at: 1.5 }, { at: 2, key: 4 }],
    });
  });

  test("bad shapes are refused, each problem at its field", () => {
    const found = problems(
      withArrival({
        process: "poisson",
        rate: 100,
        diurnal: { period: "0s", peakFactor: 0.5 },
        flashCrowds: [{ at: "10s", for: "4s", factor: 3, ramp: "3s" }],
      }),
    );
    expect(found.map(([path, code]) => [path, code])).toEqual([
      ["workload.arrival.diurnal.period", "scenario.too-small"],
      ["workload.arrival.diurnal.peakFactor", "scenario.too-small"],
      ["workload.arrival.flashCrowds[0].ramp", "scenario.flash-crowd"],
    ]);
    expect(found[2]![2]).toMatch(/2 × `ramp`.*longer than the crowd/);
  });

  test("too many flash crowds are refused with the bound", () => {
    const crowds = Array.from({ length: 101 }, (_, i) => ({ at: i, for: 1, factor: 2 }));
    const found = problems(withArrival({ process: "poisson", rate: 1, flashCrowds: crowds }));
    expect(found).toEqual([
      [
        "workload.arrival.flashCrowds",
        "scenario.flash-crowd",
        expect.stringMatching(/101 flash crowds; at most 100/),
      ],
    ]);
  });

  test("a trace beyond 100,000 arrivals is refused with the bound and what to do", () => {
    const arrivals = Array.from({ length: 100_001 }, (_, i) => i * 0.001);
    const found = problems(withArrival({ process: "trace", arrivals }));
    expect(found).toEqual([
      [
        "workload.arrival.arrivals",
        "scenario.arrival-trace",
        expect.stringMatching(/100001 arrivals; at most 100000 are allowed inline\. Shorten it/),
      ],
    ]);
  });

  test("a trace out of order, empty, or naming an unknown class is refused at the entry", () => {
    expect(
      problems(withArrival({ process: "trace", arrivals: [1, 2, 1.5] })).map(([p, c]) => [p, c]),
    ).toEqual([["workload.arrival.arrivals[2]", "scenario.arrival-trace"]]);
    expect(problems(withArrival({ process: "trace", arrivals: [] })).map(([p, c]) => [p, c])).toEqual([
      ["workload.arrival.arrivals", "scenario.arrival-trace"],
    ]);
    const unknown = problems(withArrival({ process: "trace", arrivals: [{ at: 1, class: "jb" }] }));
    expect(unknown).toEqual([
      [
        "workload.arrival.arrivals[0].class",
        "scenario.unknown-class",
        expect.stringMatching(/"jb".*Did you mean "job"/),
      ],
    ]);
  });

  test("a diurnal curve on evenly spaced arrivals is an unknown field", () => {
    const found = problems(withArrival({ process: "constant", rate: 1, diurnal: { peakFactor: 2 } }));
    expect(found.map(([path, code]) => [path, code])).toEqual([
      ["workload.arrival.diurnal", "scenario.unknown-key"],
    ]);
  });
});
