/** Runs a case's syslab twin, and reads curves from its result for the charts. */
import { type Result, simulate } from "@syslab/sim-core";

/** Twins are small; a generous wall-clock cap still bounds a scenario written wrong. */
const LIMITS = { maxWallTime: 120 };

export function simulateTwin(scenario: unknown): Result {
  return simulate(scenario, { limits: LIMITS });
}

/** Cumulative share of arrived requests completed by the end of each series bucket. */
export function completedCurve(result: Result): [number, number][] {
  const { time, throughput, bucketWidth } = result.series;
  const arrived = result.requests.arrived;
  const points: [number, number][] = [[0, 0]];
  let done = 0;
  for (let i = 0; i < time.length; i++) {
    done += throughput[i]! * bucketWidth;
    points.push([Math.round((time[i]! + bucketWidth) * 1000) / 1000, arrived > 0 ? done / arrived : 0]);
  }
  return points;
}
