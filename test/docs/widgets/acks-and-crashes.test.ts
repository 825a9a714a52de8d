// The acks-and-crashes widget's model: a crash loses running tasks with early acks and none with late
// acks, which run them again instead; a visibility timeout shorter than the task delivers it again.
import { describe, expect, it } from "vitest";
import { acksAndCrashes } from "../../../apps/docs/src/widgets/acks-and-crashes";

const view = (acks: string, task = 20, visibility = 30) => acksAndCrashes.compute({ acks, task, visibility });
const number = (v: ReturnType<typeof view>, id: string) => v.numbers.find((n) => n.id === id)!.value;

describe("acks-and-crashes widget", () => {
  it("early acks lose the tasks running at the crash; late acks lose none and run them again", () => {
    const early = view("early");
    const late = view("late");
    expect(number(early, "lost")).toBeGreaterThan(0);
    expect(number(early, "lost")).toBeLessThanOrEqual(4); // at most one per process
    expect(number(early, "duplicates")).toBe(0);
    expect(number(late, "lost")).toBe(0);
    expect(number(late, "duplicates")).toBeGreaterThan(0);
    expect(number(late, "redelivered")).toBe(number(late, "duplicates"));
  });

  it("a task longer than the visibility timeout is delivered again while it runs", () => {
    expect(number(view("late", 40, 120), "redelivered")).toBeLessThan(
      number(view("late", 40, 10), "redelivered"),
    );
    expect(number(view("early", 40, 10), "redelivered")).toBeLessThanOrEqual(4); // early: only the crash's
  });
});
