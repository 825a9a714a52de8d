// The reduced search against brute force: on random small programs, DPOR finds exactly the outcomes
// that enumerating every interleaving finds, with a reference interpreter written here, apart.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { explore } from "./explore";

type Step =
  | { load: string; into: string }
  | { store: string; value: number | string }
  | { fetchAdd: string; by: number }
  | { cas: string; expect: number; value: number; into: string }
  | { lock: string }
  | { unlock: string };

const VARIABLES = ["x", "y"];

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ load: fc.constantFrom(...VARIABLES), into: fc.constant("r") }),
  fc.record({
    store: fc.constantFrom(...VARIABLES),
    value: fc.oneof(fc.integer({ min: 0, max: 2 }), fc.constant("r + 1")),
  }),
  fc.record({ fetchAdd: fc.constantFrom(...VARIABLES), by: fc.integer({ min: 1, max: 2 }) }),
  fc.record({
    cas: fc.constantFrom(...VARIABLES),
    expect: fc.integer({ min: 0, max: 1 }),
    value: fc.integer({ min: 1, max: 3 }),
    into: fc.constant("r"),
  }),
);

/** A thread: 1–3 steps, maybe inside the mutex, then its register published to out<i>. */
const thread = fc.record({ steps: fc.array(step, { minLength: 1, maxLength: 3 }), locked: fc.boolean() });

function program(threads: { steps: Step[]; locked: boolean }[], memoryModel: "sc" | "tso") {
  return {
    version: 1,
    kind: "program",
    memoryModel,
    shared: Object.fromEntries([...VARIABLES, ...threads.map((_, i) => `out${i}`)].map((v) => [v, 0])),
    threads: threads.map((t, i) => ({
      name: `T${i}`,
      steps: [
        { let: "r", value: 0 },
        ...(t.locked ? [{ lock: "m" }, ...t.steps, { unlock: "m" }] : t.steps),
        { store: `out${i}`, value: "r" },
      ],
    })),
  };
}

/** Every interleaving under sequential consistency, by a direct recursive interpreter: outcome → count. */
function bruteForce(threads: { steps: Step[] }[]): Map<string, number> {
  const code = program(threads as { steps: Step[]; locked: boolean }[], "sc").threads.map(
    (t) => t.steps as (Step | { let: string; value: number })[],
  );
  const outcomes = new Map<string, number>();
  const names = [...VARIABLES, ...threads.map((_, i) => `out${i}`)];
  const go = (memory: Record<string, number>, pcs: number[], regs: number[], owner: number) => {
    let moved = false;
    for (let t = 0; t < code.length; t++) {
      let pc = pcs[t]!;
      let r = regs[t]!;
      while (code[t]![pc] !== undefined && "let" in code[t]![pc]!) {
        r = 0;
        pc++;
      }
      const s = code[t]![pc];
      if (s === undefined) continue;
      if ("lock" in s && owner >= 0) continue;
      moved = true;
      const m = { ...memory };
      let o = owner;
      if ("load" in s) r = m[s.load]!;
      else if ("store" in s) m[s.store] = typeof s.value === "number" ? s.value : s.value === "r" ? r : r + 1;
      else if ("fetchAdd" in s) m[s.fetchAdd]! += s.by;
      else if ("cas" in s) {
        const ok = m[s.cas] === s.expect;
        if (ok) m[s.cas] = s.value;
        r = ok ? 1 : 0;
      } else if ("lock" in s) o = t;
      else if ("unlock" in s) o = -1;
      const nextPcs = pcs.slice();
      nextPcs[t] = pc + 1;
      const nextRegs = regs.slice();
      nextRegs[t] = r;
      go(m, nextPcs, nextRegs, o);
    }
    if (!moved) {
      const key = JSON.stringify(Object.fromEntries(names.map((n) => [n, memory[n]!])));
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    }
  };
  go(
    Object.fromEntries(names.map((n) => [n, 0])),
    code.map(() => 0),
    code.map(() => 0),
    -1,
  );
  return outcomes;
}

const outcomeSet = (r: ReturnType<typeof explore>) => r.outcomes.map((o) => JSON.stringify(o.shared)).sort();

describe("DPOR against brute-force enumeration", () => {
  test("SC: the same outcome set as every interleaving; no reduction counts every interleaving", () => {
    fc.assert(
      fc.property(
        fc
          .array(thread, { minLength: 2, maxLength: 3 })
          .filter((ts) => ts.length === 2 || ts.every((t) => t.steps.length <= 2)),
        (threads) => {
          const reference = bruteForce(threads);
          const reduced = explore(program(threads, "sc"));
          const all = explore(program(threads, "sc"), { reduction: "none", maxExecutions: 20_000 });
          fc.pre(all.exhaustive); // a program too big to enumerate in full says nothing here
          expect(reduced.exhaustive).toBe(true);
          expect(outcomeSet(reduced)).toEqual([...reference.keys()].sort());
          expect(all.executions).toBe([...reference.values()].reduce((a, b) => a + b, 0));
          expect(reduced.executions).toBeLessThanOrEqual(all.executions);
        },
      ),
      { numRuns: 150, seed: 12 },
    );
  });

  test("TSO: reduced and unreduced search find the same outcomes", () => {
    fc.assert(
      fc.property(fc.array(thread, { minLength: 2, maxLength: 2 }), (threads) => {
        const reduced = explore(program(threads, "tso"));
        const all = explore(program(threads, "tso"), { reduction: "none" });
        expect(outcomeSet(reduced)).toEqual(outcomeSet(all));
        expect(reduced.executions).toBeLessThanOrEqual(all.executions);
      }),
      { numRuns: 80, seed: 5 },
    );
  });
});
