// Which result a stored output is: a comparison (its page, card and chart show both sides), or a run's.

import type { ComparisonResult } from "@syslab/sim-core";

export function isComparisonResult(output: unknown): output is ComparisonResult {
  return output !== null && typeof output === "object" && "difference" in output && "a" in output;
}
