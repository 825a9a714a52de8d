/** A duration above zero (a lease, an interval): the duration schema with the bound JSON Schema states too. */
import { durationSchema, positiveDurationJson } from "./duration";
import { problemText } from "./problem-text";
import { showValue } from "./show-value";

export const positiveDurationSchema = durationSchema
  .refine((seconds) => seconds > 0, {
    error: (issue) =>
      problemText("scenario.too-small", { limit: "greater than 0", got: showValue(issue.input) }),
  })
  .meta(positiveDurationJson);
