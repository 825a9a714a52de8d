// Validates a submitted document (a scenario, or another kind) and derives what identifies its run: canonical form, hash, id.

import {
  canonicalDocument,
  documentHash,
  documentName,
  ENGINE_VERSION,
  type Problem,
  parseDocument,
} from "@syslab/sim-core";
import type { NewRun } from "../db/run-store";
import { runId } from "./run-id";

export type PreparedRun = { ok: true; run: NewRun } | { ok: false; problems: Problem[] };

export function prepareRun(input: unknown): PreparedRun {
  const parsed = parseDocument(input);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const hash = documentHash(parsed.document);
  return {
    ok: true,
    run: {
      id: runId(hash, ENGINE_VERSION),
      name: documentName(parsed.document) ?? null,
      scenario: JSON.stringify(canonicalDocument(parsed.document)),
      input: JSON.stringify(input),
      scenarioHash: hash,
      engineVersion: ENGINE_VERSION,
    },
  };
}
