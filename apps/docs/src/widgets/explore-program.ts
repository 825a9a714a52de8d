// Runs a program document through syslab's explorer, once per distinct program: the explorer is
// deterministic, so a widget that flips between versions need not search the same program twice.
import { type ExplorerResult, parseDocument, runDocument } from "@syslab/sim-core";

const cache = new Map<string, ExplorerResult>();

export function exploreProgram(program: unknown): ExplorerResult {
  const key = JSON.stringify(program);
  let result = cache.get(key);
  if (!result) {
    const parsed = parseDocument(program);
    if (!parsed.ok) throw new Error(`invalid program: ${parsed.problems[0]?.message}`);
    const run = runDocument(parsed.document);
    if (run.kind !== "program") throw new Error("not a program");
    result = run.output;
    cache.set(key, result);
  }
  return result;
}
