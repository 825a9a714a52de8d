// The interleaving explorer against what concurrency theory says of the classic programs.
import { describe, expect, test } from "vitest";
import type { ExplorerResult } from "../../../packages/sim-core/src/explorer/explorer-result";
import { example, explore } from "./explore";

const values = (r: ExplorerResult, variable: string) => r.outcomes.map((o) => o.shared[variable]).sort();
const kinds = (r: ExplorerResult) => r.violations.map((v) => v.kind);

describe("lost update", () => {
  test("load / add 1 / store in two threads ends with the counter at 1 or 2", () => {
    const r = explore(example("lost-update"));
    expect(r.exhaustive).toBe(true);
    expect(values(r, "counter")).toEqual([1, 2]);
  });

  test("the failed final check needs 1 preemption, and the schedule shows it", () => {
    const r = explore(example("lost-update"));
    const final = r.violations.find((v) => v.kind === "final")!;
    expect(final.preemptions).toBe(1);
    expect(final.schedule.filter((s) => s.preemption).length).toBe(1);
    // Both threads read 0 before either writes.
    expect(final.schedule.filter((s) => s.read?.value === 0).length).toBe(2);
    expect(final.schedule.map((s) => s.thread)).toEqual(["A", "B", "B", "A"]);
  });

  test("with at most 0 preemptions no schedule loses the update", () => {
    const r = explore(example("lost-update"), { preemptions: 0, unbounded: false });
    expect(r.exhaustive).toBe(false);
    expect(values(r, "counter")).toEqual([2]);
    expect(kinds(r)).not.toContain("final");
  });

  test("the unordered accesses are a data race, found by vector clocks", () => {
    const race = explore(example("lost-update")).violations.find((v) => v.kind === "data-race")!;
    expect(race.variable).toBe("counter");
    expect(race.threads).toEqual(["A", "B"]);
  });

  test.each(["lost-update-lock", "lost-update-fetch-add", "lost-update-cas"])(
    "%s: only 2, no violation",
    (name) => {
      const r = explore(example(name));
      expect(r.exhaustive).toBe(true);
      expect(values(r, "counter")).toEqual([2]);
      expect(r.violations).toEqual([]);
    },
  );
});

describe("partial-order reduction", () => {
  // Three shared steps a thread: C(6,3) = 20 interleavings.
  const threeSteps = {
    version: 1,
    kind: "program",
    shared: { counter: 0, seen: 0 },
    threads: [
      {
        name: "A",
        steps: [
          { load: "counter", into: "r" },
          { store: "counter", value: "r + 1" },
          { load: "counter", into: "s" },
        ],
      },
      { name: "B", copy: "A" },
    ],
  };

  test("without reduction every one of the C(6,3) = 20 schedules is explored; DPOR explores far fewer, with the same outcomes", () => {
    const all = explore(threeSteps, { reduction: "none" });
    const reduced = explore(threeSteps);
    expect(all.executions).toBe(20);
    expect(all.outcomes.reduce((n, o) => n + o.count, 0)).toBe(20);
    // Mazurkiewicz traces of this program: the loads of one thread commute with each other only.
    expect(reduced.executions).toBeLessThanOrEqual(8);
    expect(reduced.outcomes.map((o) => o.shared)).toEqual(all.outcomes.map((o) => o.shared));
  });

  test("independent threads need a single execution", () => {
    const r = explore({
      version: 1,
      kind: "program",
      shared: { x: 0, y: 0 },
      threads: [
        {
          name: "A",
          steps: [
            { store: "x", value: 1 },
            { store: "x", value: 2 },
            { store: "x", value: 3 },
          ],
        },
        {
          name: "B",
          steps: [
            { store: "y", value: 1 },
            { store: "y", value: 2 },
            { store: "y", value: 3 },
          ],
        },
      ],
    });
    expect(r.executions).toBe(1);
    expect(
      explore(
        r === undefined
          ? {}
          : {
              version: 1,
              kind: "program",
              shared: { x: 0, y: 0 },
              threads: [
                { name: "A", steps: [{ store: "x", value: 1 }] },
                { name: "B", steps: [{ store: "y", value: 1 }] },
              ],
            },
        { reduction: "none" },
      ).executions,
    ).toBe(2);
  });
});

describe("memory models: the store-buffer litmus test", () => {
  const zeroZero = (r: ExplorerResult) => r.outcomes.some((o) => o.shared.r1 === 0 && o.shared.r2 === 0);

  test("r1 = r2 = 0 is impossible under SC", () => {
    const r = explore(example("store-buffer-sc"));
    expect(r.exhaustive).toBe(true);
    expect(zeroZero(r)).toBe(false);
    expect(r.violations).toEqual([]);
  });

  test("possible under TSO, where the store waits in the buffer while the load reads memory", () => {
    const r = explore(example("store-buffer-tso"));
    expect(zeroZero(r)).toBe(true);
    const final = r.violations.find((v) => v.kind === "final")!;
    // No preemption needed: each thread runs to its end, leaving its store in its buffer.
    expect(final.preemptions).toBe(0);
    const a = final.schedule.find(
      (s) => s.thread === "A" && s.wrote?.variable === "x" && s.step !== "flush",
    )!;
    expect(a.buffer).toEqual([{ variable: "x", value: 1 }]);
  });

  test("impossible under TSO with a fence in each thread", () => {
    const r = explore(example("store-buffer-tso-fence"));
    expect(r.exhaustive).toBe(true);
    expect(zeroZero(r)).toBe(false);
    expect(r.outcomes.length).toBe(3);
  });

  test("a load reads its own buffered store before memory has it", () => {
    const r = explore({
      version: 1,
      kind: "program",
      memoryModel: "tso",
      shared: { x: 0, seen: 0 },
      threads: [
        {
          name: "A",
          steps: [
            { store: "x", value: 7 },
            { load: "x", into: "r" },
            { store: "seen", value: "r" },
          ],
        },
      ],
    });
    expect(values(r, "seen")).toEqual([7]);
  });
});

describe("Peterson's algorithm", () => {
  test("keeps mutual exclusion under SC", () => {
    const r = explore(example("peterson"));
    expect(r.exhaustive).toBe(true);
    expect(values(r, "counter")).toEqual([2, 2]);
    expect(r.violations).toEqual([]);
  });

  test("loses it under TSO without fences", () => {
    const r = explore(example("peterson-tso"));
    expect(values(r, "counter")).toContain(1);
    expect(kinds(r)).toContain("final");
  });

  test("keeps it under TSO with a fence after the stores", () => {
    const r = explore(example("peterson-tso-fence"));
    expect(r.exhaustive).toBe(true);
    expect(new Set(values(r, "counter"))).toEqual(new Set([2]));
    expect(r.violations).toEqual([]);
  });
});

describe("deadlock, livelock, starvation", () => {
  test("two locks in opposite order deadlock, with the cycle named", () => {
    const r = explore(example("two-locks-deadlock"));
    const deadlock = r.violations.find((v) => v.kind === "deadlock")!;
    expect(deadlock.cycle).toEqual(["A", "B", "A"]);
    expect(deadlock.preemptions).toBe(1);
    expect(deadlock.message).toBe(
      'Deadlock: A → B → A. A holds "m1" and waits for "m2", held by B; B holds "m2" and waits for "m1", held by A.',
    );
  });

  test("a lock order removes it", () => {
    expect(explore(example("two-locks-ordered")).violations).toEqual([]);
  });

  test("dining philosophers deadlock around the table (2 preemptions for 3), and not with ordered forks", () => {
    const r = explore(example("dining-philosophers"));
    const deadlock = r.violations.find((v) => v.kind === "deadlock")!;
    expect(deadlock.cycle).toEqual(["P0", "P1", "P2", "P0"]);
    expect(deadlock.preemptions).toBe(2);
    expect(explore(example("dining-philosophers-ordered")).violations).toEqual([]);
  });

  test("the polite hallway is a livelock; breaking the symmetry ends it", () => {
    const r = explore(example("polite-hallway"));
    const livelock = r.violations.find((v) => v.kind === "livelock")!;
    expect(livelock.threads).toEqual(["A", "B"]);
    // The schedule ends by coming back to the state where its repeating part began.
    expect(livelock.cycleStart).toBeLessThan(livelock.schedule.length);
    expect(explore(example("polite-hallway-priority")).violations).toEqual([]);
  });

  test("a thread needing an unfair lock that another takes and retakes in a loop can starve", () => {
    const r = explore(example("unfair-lock-starvation"));
    const starvation = r.violations.find((v) => v.kind === "starvation")!;
    expect(starvation.threads).toEqual(["stopper"]);
    expect(kinds(r)).not.toContain("livelock");
  });

  test("a busy-wait that the scheduler could starve only by never running the other thread is no fault", () => {
    expect(explore(example("visibility-atomic")).violations).toEqual([]);
  });
});

describe("results", () => {
  test("deterministic: the same program gives the same result", () => {
    for (const name of ["store-buffer-tso", "dining-philosophers", "polite-hallway"]) {
      expect(explore(example(name))).toEqual(explore(example(name)));
    }
  });

  test("random and PCT search are deterministic for a seed and find the lost update", () => {
    for (const strategy of ["random", "pct"]) {
      const a = explore(example("lost-update"), { strategy, seed: 7, maxExecutions: 200 });
      expect(a).toEqual(explore(example("lost-update"), { strategy, seed: 7, maxExecutions: 200 }));
      expect(a.exhaustive).toBe(false);
      expect(a.executions).toBe(200);
      expect(values(a, "counter")).toEqual([1, 2]);
      expect(a.stopped?.budget).toBe("executions");
    }
  });

  test("a budget ends the search with a clear result, never a hang", () => {
    const r = explore(example("dining-philosophers"), { maxExecutions: 3 });
    expect(r.exhaustive).toBe(false);
    expect(r.stopped?.budget).toBe("executions");
    expect(r.stopped?.message).toContain("search.maxExecutions");
    const states = explore(example("peterson-tso"), { maxStates: 10 });
    expect(states.stopped?.budget).toBe("states");
    expect(states.states).toBeLessThanOrEqual(10);
  });

  test("a loop that never repeats a state is cut at the depth limit and said so", () => {
    const r = explore({
      version: 1,
      kind: "program",
      shared: { n: 0 },
      threads: [
        {
          name: "A",
          steps: [
            { let: "go", value: 1 },
            { while: "go == 1", do: [{ fetchAdd: "n", by: 1 }] },
          ],
        },
      ],
    });
    expect(r.exhaustive).toBe(false);
    expect(r.stopped?.budget).toBe("depth");
  });
});
