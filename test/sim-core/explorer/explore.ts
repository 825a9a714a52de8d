// Helpers for the explorer's tests: explore a program document, read a library example.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { exploreProgram } from "../../../packages/sim-core/src/explorer/explore-program";
import type { ExplorerResult } from "../../../packages/sim-core/src/explorer/explorer-result";
import { parseProgram } from "../../../packages/sim-core/src/explorer/parse-program";

/**
 * Explores the program. The wall-clock budget is lifted unless a test sets it: on a loaded machine
 * a search the step and state budgets allow must still end exhaustive, so results never depend on
 * the machine's speed.
 */
export function explore(document: unknown, search: Record<string, unknown> = {}): ExplorerResult {
  const doc = document as Record<string, unknown>;
  const parsed = parseProgram({
    ...doc,
    search: { maxWallTime: 3600, ...(doc.search as object), ...search },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return exploreProgram(parsed.program);
}

export function example(name: string): Record<string, unknown> {
  return JSON.parse(
    readFileSync(join(import.meta.dirname, `../../../examples/programs/${name}.json`), "utf8"),
  );
}
