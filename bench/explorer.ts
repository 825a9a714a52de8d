/**
 * `node --import tsx bench/explorer.ts`: the interleaving explorer's speed, in executions and
 * distinct states per second of wall time, on programs of the library and bigger variants made
 * by adding threads. A benchmark, not a test: it prints figures and asserts nothing.
 *
 *   node --import tsx bench/explorer.ts            all cases
 *   node --import tsx bench/explorer.ts peterson   the cases whose name contains "peterson"
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { exploreProgram } from "../packages/sim-core/src/explorer/explore-program";
import { parseProgram } from "../packages/sim-core/src/explorer/parse-program";

const examples = join(import.meta.dirname, "../examples/programs");
const example = (name: string) => JSON.parse(readFileSync(join(examples, `${name}.json`), "utf8"));

/** The lost update with n threads, each incrementing twice. */
function counters(n: number) {
  const steps = [
    { load: "counter", into: "r" },
    { store: "counter", value: "r + 1" },
    { load: "counter", into: "r" },
    { store: "counter", value: "r + 1" },
  ];
  return {
    version: 1,
    kind: "program",
    shared: { counter: 0 },
    threads: [
      { name: "T0", steps },
      ...Array.from({ length: n - 1 }, (_, i) => ({ name: `T${i + 1}`, copy: "T0" })),
    ],
    check: { final: `counter == ${2 * n}` },
  };
}

const CASES: [string, unknown, Record<string, unknown>][] = [
  ["lost-update", example("lost-update"), {}],
  ["peterson-tso", example("peterson-tso"), {}],
  ["dining-philosophers", example("dining-philosophers"), {}],
  ["polite-hallway", example("polite-hallway"), {}],
  ["counters-3 (dpor)", counters(3), {}],
  ["counters-3 (no reduction)", counters(3), { reduction: "none" }],
  ["counters-4 (dpor)", counters(4), {}],
  ["counters-5 (random, 20000)", counters(5), { strategy: "random", maxExecutions: 20_000 }],
  ["counters-5 (pct, 20000)", counters(5), { strategy: "pct", maxExecutions: 20_000 }],
];

const filter = process.argv[2];
console.log(
  "case                          executions     states      steps   seconds   executions/s   states/s  exhaustive",
);
for (const [name, document, search] of CASES) {
  if (filter !== undefined && !name.includes(filter)) continue;
  const doc = document as Record<string, unknown>;
  const parsed = parseProgram({ ...doc, search: { maxWallTime: 60, ...search } });
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.problems)}`);
  let best = Number.POSITIVE_INFINITY;
  let result = exploreProgram(parsed.program);
  // Best of three: on a shared machine other processes only ever make a run slower.
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    result = exploreProgram(parsed.program);
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  const rate = (n: number) => Math.round(n / best).toLocaleString("en-US");
  console.log(
    `${name.padEnd(28)} ${String(result.executions).padStart(11)} ${String(result.states).padStart(10)} ${String(result.steps).padStart(10)} ` +
      `${best.toFixed(3).padStart(9)} ${rate(result.executions).padStart(14)} ${rate(result.states).padStart(10)}  ${result.exhaustive}`,
  );
}
