// Which result a stored output is: a comparison (its own page shows both sides and the
// difference), or a run's. The chart and the card, which draw one result, draw a comparison's side a.

import type { ComparisonResult, Result } from "@syslab/sim-core";

export function isComparisonResult(output: unknown): output is ComparisonResult {
  return output !== null && typeof output === "object" && "difference" in output && "a" in output;
}

export function shownResult(json: string): Result {
  const output = JSON.parse(json) as Result | ComparisonResult;
  return isComparisonResult(output) ? output.a : output;
}
