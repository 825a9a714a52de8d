// The race explorer widget's model: the outcomes and counterexample the page shows are the
// explorer's, the same the command line prints for the program, and adding the lock removes the failure.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { programFor, raceExplorer } from "../../../apps/docs/src/widgets/race-explorer";

type View = ReturnType<typeof raceExplorer.compute>;
const view = (params: Record<string, string>) =>
  raceExplorer.compute({ ...raceExplorer.defaults, ...params });
const number = (v: View, id: string) => v.numbers.find((n) => n.id === id)!.value;

describe("race-explorer widget", () => {
  it("the default (lost update, as written) states what the command line computes for examples/programs/lost-update.json", () => {
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "apps/cli/src/main.ts", "--json", "examples/programs/lost-update.json"],
      { cwd: join(import.meta.dirname, "../../.."), encoding: "utf8" },
    );
    const result = JSON.parse(run.stdout);
    const v = view({});
    expect(number(v, "executions")).toBe(result.executions);
    expect(v.table.rows.map((r) => [Number(r[0]), Number(r[1])])).toEqual(
      result.outcomes.map((o: { shared: { counter: number }; count: number }) => [o.shared.counter, o.count]),
    );
    expect(number(v, "preemptions")).toBe(1);
    // The histogram: counter ends at 1 or 2.
    expect(v.chart.series[0]!.points.map(([x]) => x)).toEqual([1, 2]);
  });

  it("steps through the counterexample: both threads read 0, so the counter ends at 1", () => {
    const steps = view({}).extraFigures![0]!;
    expect(steps.table.rows.map((r) => `${r[1]} ${r[2]}${r[3] ? " *" : ""}`)).toEqual([
      "A load counter → r = 0",
      "B load counter → r = 0 *",
      "B store counter = 1",
      "A store counter = 1",
    ]);
    expect(steps.chart.series[0]!.points).toEqual([
      [1, 0],
      [2, 0],
      [3, 1],
      [4, 1],
    ]);
  });

  it.each(["lost-update", "check-then-act", "lazy-init"])(
    "%s fails as written and never with the lock",
    (program) => {
      const racy = view({ program });
      expect(number(racy, "preemptions")).toBe(1);
      expect(number(racy, "races")).toBeGreaterThan(0);
      const locked = view({ program, fix: "lock" });
      expect(number(locked, "preemptions")).toBe(-1);
      expect(number(locked, "races")).toBe(0);
      expect(locked.table.rows.length).toBe(1);
      expect(locked.chart.summary).toContain("no schedule breaks it");
    },
  );

  it("the lock is one change: lock m before each thread's steps and unlock m after", () => {
    const program = programFor("lost-update", "lock") as { threads: { steps?: unknown[] }[] };
    expect(program.threads[0]!.steps![0]).toEqual({ lock: "m" });
    expect(program.threads[0]!.steps!.at(-1)).toEqual({ unlock: "m" });
    expect(view({ fix: "lock" }).scenario).toEqual(program);
  });
});
