// The counter explorer widget's model: the racy increment loses an update in some interleavings; the
// locked, fetch-and-add and compare-and-swap versions end at 2 in every one (the page's figures).
import { describe, expect, it } from "vitest";
import { counterExplorer } from "../../../apps/docs/src/widgets/counter-explorer";

type View = ReturnType<typeof counterExplorer.compute>;
const view = (program: string) => counterExplorer.compute({ ...counterExplorer.defaults, program });
const number = (v: View, id: string) => v.numbers.find((n) => n.id === id)!.value;
/** [final counter, executions] for each outcome. */
const outcomes = (v: View) => v.table.rows.map((r) => [Number(r[0]), Number(r[1])]);

describe("counter-explorer widget", () => {
  it("the plain load, add 1, store ends at 1 in half of the executions, after one preemption", () => {
    const v = view("racy");
    expect(outcomes(v)).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(number(v, "preemptions")).toBe(1);
    expect(number(v, "races")).toBeGreaterThan(0);
    expect(v.extraFigures![0]!.table.rows.map((r) => `${r[1]} ${r[2]}`)).toEqual([
      "A load counter → r = 0",
      "B load counter → r = 0",
      "B store counter = 1",
      "A store counter = 1",
    ]);
  });

  it.each([
    ["lock", 2],
    ["atomic", 2],
    ["cas", 4],
  ])("%s ends at 2 in every one of its %i executions, with no data race", (program, executions) => {
    const v = view(program);
    expect(outcomes(v)).toEqual([[2, executions]]);
    expect(number(v, "executions")).toBe(executions);
    expect(number(v, "preemptions")).toBe(-1);
    expect(number(v, "races")).toBe(0);
    expect(v.chart.summary).toContain("no schedule breaks it");
  });
});
