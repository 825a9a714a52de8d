// The Result a share page or chart shows for a stored output: a run's own, or a comparison's side a
// (a comparison's own page, with both sides and the difference, is still to come).

import type { ComparisonResult, Result } from "@syslab/sim-core";

export function shownResult(json: string): Result {
  const output = JSON.parse(json) as Result | ComparisonResult;
  return "difference" in output ? output.a : output;
}
