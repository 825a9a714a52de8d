// The program library (examples/programs/): each race and its fix, checked for the violations it shows.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { example, explore } from "./explore";

// Each example's violations (kind and fewest preemptions) and whether its search is exhaustive.
const EXPECTED: Record<string, string[]> = {
  "check-then-act": ["final 1", "data-race 0"],
  "check-then-act-cas": [],
  "condition-variable-if": ["assert 0"],
  "condition-variable-loop": [],
  "dining-philosophers": ["deadlock 2"],
  "dining-philosophers-ordered": [],
  "double-checked-locking": [],
  "lazy-init": ["final 1", "data-race 0"],
  "lost-update": ["final 1", "data-race 0"],
  "lost-update-cas": [],
  "lost-update-fetch-add": [],
  "lost-update-lock": [],
  "lost-wakeup": ["deadlock 1", "data-race 0"],
  "partial-publication": ["assert 1", "data-race 0"],
  "partial-publication-fixed": [],
  peterson: [],
  "peterson-tso": ["final 0", "data-race 1"],
  "peterson-tso-fence": [],
  "polite-hallway": ["livelock"],
  "polite-hallway-priority": [],
  "store-buffer-sc": [],
  "store-buffer-tso": ["final 0"],
  "store-buffer-tso-fence": [],
  "two-locks-deadlock": ["deadlock 1"],
  "two-locks-ordered": [],
  "unfair-lock-starvation": ["starvation 0"],
  visibility: ["data-race 0"],
  "visibility-atomic": [],
};

describe("the program library", () => {
  test("every example in the folder is checked here", () => {
    const files = readdirSync(join(import.meta.dirname, "../../../examples/programs"))
      .filter((f) => f.endsWith(".json"))
      .map((f) => f.replace(/\.json$/, ""));
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  test.each(Object.entries(EXPECTED))("%s", (name, expected) => {
    const r = explore(example(name));
    expect(r.exhaustive).toBe(true);
    // Livelocks are found over the state graph, where the fewest preemptions is not sought.
    expect(r.violations.map((v) => (v.kind === "livelock" ? v.kind : `${v.kind} ${v.preemptions}`))).toEqual(
      expected,
    );
    for (const v of r.violations) expect(v.schedule.length).toBeGreaterThan(0);
    if (expected.length === 0) expect(r.outcomes.length).toBeGreaterThan(0);
  });

  test("the lost wake-up is named as one", () => {
    const deadlock = explore(example("lost-wakeup")).violations.find((v) => v.kind === "deadlock")!;
    expect(deadlock.lostWakeup).toBe(true);
    expect(deadlock.message).toBe('Lost wake-up: waiter waits on "c", which no thread is left to notify.');
  });
});
