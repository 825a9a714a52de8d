// Remembers recent simulation results by scenario, so moving one control re-runs only what changed.
import { type Result, simulate } from "@syslab/sim-core";

const MAX_ENTRIES = 400;
const cache = new Map<string, Result>();

/** simulate(), memoised: the engine is deterministic, so the same scenario gives the same result. */
export function cachedSimulate(scenario: unknown): Result {
  const key = JSON.stringify(scenario);
  let result = cache.get(key);
  if (!result) {
    result = simulate(scenario);
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(key, result);
  }
  return result;
}
