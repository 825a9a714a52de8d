// Helpers for the explorer's tests: explore a program document, read a library example.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { exploreProgram } from "../../../packages/sim-core/src/explorer/explore-program";
import type { ExplorerResult } from "../../../packages/sim-core/src/explorer/explorer-result";
import { parseProgram } from "../../../packages/sim-core/src/explorer/parse-program";

export function explore(document: unknown, search: Record<string, unknown> = {}): ExplorerResult {
  const doc = document as Record<string, unknown>;
  // A generous wall-time budget: on a loaded machine the default 10 s could cut a search short.
  const parsed = parseProgram({ ...doc, search: { maxWallTime: 600, ...(doc.search as object), ...search } });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return exploreProgram(parsed.program);
}

export function example(name: string): Record<string, unknown> {
  return JSON.parse(
    readFileSync(join(import.meta.dirname, `../../../examples/programs/${name}.json`), "utf8"),
  );
}
