// Validates a submitted scenario and derives what identifies its run: canonical form, hash, id.

import {
  canonicalScenario,
  ENGINE_VERSION,
  type Problem,
  parseScenario,
  scenarioHash,
} from "@syslab/sim-core";
import type { NewRun } from "../db/run-store";
import { runId } from "./run-id";

export type PreparedRun = { ok: true; run: NewRun } | { ok: false; problems: Problem[] };

export function prepareRun(input: unknown): PreparedRun {
  const parsed = parseScenario(input);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const hash = scenarioHash(parsed.scenario);
  return {
    ok: true,
    run: {
      id: runId(hash, ENGINE_VERSION),
      name: parsed.scenario.name ?? null,
      scenario: JSON.stringify(canonicalScenario(parsed.scenario)),
      input: JSON.stringify(input),
      scenarioHash: hash,
      engineVersion: ENGINE_VERSION,
    },
  };
}
