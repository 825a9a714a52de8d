/**
 * The canonical form of a normalized scenario (keys sorted at every level, absent fields left
 * out) and its SHA-256. Two scenarios that mean the same run ("5ms" or 0.005, defaults written
 * or not, keys in any order) hash the same. Synchronous and browser-safe.
 */
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import type { Scenario } from "./model";

type Canonical = null | boolean | number | string | Canonical[] | { [key: string]: Canonical };

function canonical(value: unknown): Canonical {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === "object") {
    const sorted: { [key: string]: Canonical } = {};
    for (const key of Object.keys(value).sort()) {
      const field = (value as Record<string, unknown>)[key];
      if (field !== undefined) sorted[key] = canonical(field);
    }
    return sorted;
  }
  return value as Canonical;
}

/** The scenario with its keys in a stable order, ready to serialize. */
export function canonicalScenario(scenario: Scenario): Scenario {
  return canonical(scenario) as unknown as Scenario;
}

/** Hex SHA-256 of the canonical JSON of a normalized scenario. */
export function scenarioHash(scenario: Scenario): string {
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify(canonicalScenario(scenario)))));
}
