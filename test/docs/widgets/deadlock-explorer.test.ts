// The deadlock explorer widget's model: what the explorer finds in two-locks, dining philosophers and
// the polite hallway as written (the cycle, the preemptions, the schedule), and nothing in their fixes.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { deadlockExplorer, stuckProgramFor } from "../../../apps/docs/src/widgets/deadlock-explorer";

type View = ReturnType<typeof deadlockExplorer.compute>;
const view = (params: Record<string, string>) =>
  deadlockExplorer.compute({ ...deadlockExplorer.defaults, ...params });
const number = (v: View, id: string) => v.numbers.find((n) => n.id === id)!;
const steps = (v: View) => v.extraFigures![0]!.table.rows.map((r) => `${r[1]} ${r[2]}${r[3] ? " *" : ""}`);

describe("deadlock-explorer widget", () => {
  it("the default (two locks, as written) states what the command line computes for examples/programs/two-locks-deadlock.json", () => {
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "apps/cli/src/main.ts", "--json", "examples/programs/two-locks-deadlock.json"],
      { cwd: join(import.meta.dirname, "../../.."), encoding: "utf8" },
    );
    const result = JSON.parse(run.stdout);
    const v = view({});
    expect(number(v, "executions").value).toBe(result.executions);
    expect(number(v, "states").value).toBe(result.states);
    expect(v.table.rows).toEqual(
      result.passes.map((p: { preemptions: number; executions: number }) => [
        String(p.preemptions),
        String(p.executions),
      ]),
    );
  });

  it("two locks in opposite order deadlock after one preemption, with the cycle A → B → A named", () => {
    const v = view({ program: "two-locks" });
    expect(number(v, "found").text).toBe("deadlock A → B → A");
    expect(number(v, "preemptions").value).toBe(1);
    expect(steps(v)).toEqual(["A lock m1", "B lock m2 *"]);
    // Preemptions so far, step by step: B's lock is the one preemption.
    expect(v.extraFigures![0]!.chart.series[0]!.points).toEqual([
      [1, 0],
      [2, 1],
    ]);
    expect(v.chart.summary).toContain('A holds "m1" and waits for "m2", held by B');
  });

  it("three dining philosophers deadlock after two preemptions, each holding its left fork", () => {
    const v = view({ program: "dining-philosophers" });
    expect(number(v, "found").text).toBe("deadlock P0 → P1 → P2 → P0");
    expect(number(v, "preemptions").value).toBe(2);
    expect(steps(v)).toEqual(["P0 lock fork0", "P1 lock fork1 *", "P2 lock fork2 *"]);
  });

  it("the polite hallway is a livelock", () => {
    const v = view({ program: "polite-hallway" });
    expect(number(v, "found").text).toBe("livelock");
    expect(v.chart.summary).toContain("Livelock: A and B keep running around a cycle");
  });

  it.each(["two-locks", "dining-philosophers", "polite-hallway"])(
    "%s, fixed, gets stuck under no schedule and every thread finishes",
    (program) => {
      const v = view({ program, version: "fixed" });
      expect(number(v, "found")).toMatchObject({ value: 0, text: "no bug" });
      expect(number(v, "preemptions").value).toBe(-1);
      expect(v.chart.summary).toContain(
        `no deadlock or livelock in ${number(v, "executions").text} executions`,
      );
      expect(v.extraFigures![0]!.table.caption).toBe("One schedule");
      expect(v.scenario).toBe(stuckProgramFor(program, "fixed"));
    },
  );
});
