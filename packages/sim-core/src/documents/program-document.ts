/** The program as a document kind ("kind": "program"): explored by the interleaving explorer. */
import { exploreProgram } from "../explorer/explore-program";
import type { ExplorerResult } from "../explorer/explorer-result";
import { parseProgram } from "../explorer/parse-program";
import { canonical, programHash } from "../explorer/program-canonical";
import type { Program } from "../explorer/program-model";
import type { DocumentKind } from "./document-kind";

export const programDocument: DocumentKind<"program", Program, ExplorerResult> = {
  kind: "program",
  parse(input) {
    const parsed = parseProgram(input);
    return parsed.ok ? { ok: true, value: parsed.program } : parsed;
  },
  canonical: (program) => canonical(program),
  hash: programHash,
  name: (program) => program.name,
  run: (program, options) =>
    exploreProgram(program, { maxWallTime: options?.limits?.maxWallTime, signal: options?.signal }),
};
