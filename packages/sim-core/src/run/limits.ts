/**
 * Run limits: every run is bounded in events, wall time, simulated time and memory (requests
 * alive at once), and ends with a clear SyslabError — never a hang or an exhausted heap. The stricter of the scenario's limits and the host's wins.
 */
import type { RunLimits } from "../scenario/model";

/** Defaults sized for this engine: ~500M events is a couple of minutes at ~5M events/s. */
export const DEFAULT_LIMITS: Required<RunLimits> = {
  maxEvents: 500_000_000,
  maxWallTime: 60,
  maxSimTime: 1e7,
  // A live request with its queue slot and pending events is a few hundred bytes: a million of them
  // stay within a few hundred MB, far past any queue a stable system builds.
  maxInFlight: 1_000_000,
};

/** For each limit, the stricter of the values given; the default where none is given. */
export function effectiveLimits(...sources: (RunLimits | undefined)[]): Required<RunLimits> {
  const pick = (key: keyof RunLimits): number => {
    const given = sources
      .map((source) => source?.[key])
      .filter((value): value is number => value !== undefined);
    return given.length > 0 ? Math.min(...given) : DEFAULT_LIMITS[key];
  };
  return {
    maxEvents: pick("maxEvents"),
    maxWallTime: pick("maxWallTime"),
    maxSimTime: pick("maxSimTime"),
    maxInFlight: pick("maxInFlight"),
  };
}
