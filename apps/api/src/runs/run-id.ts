// A run's id: the same canonical scenario under the same engine version always gets the same id.

import { createHash } from "node:crypto";

/** 20 hex characters (80 bits) of sha-256 over engine version and scenario hash: short, with no practical collisions. */
export function runId(scenarioHash: string, engineVersion: string): string {
  return createHash("sha256").update(`${engineVersion}\n${scenarioHash}`).digest("hex").slice(0, 20);
}
