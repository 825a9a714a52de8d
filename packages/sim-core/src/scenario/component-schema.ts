/** Any component, told apart by `type`: the union of the kinds' schemas. */
import { z } from "zod";
import type { AnyComponentKind } from "../component/component-kind";
import { fieldGuide } from "./field-guide";
import { nearestName } from "./nearest-name";
import { problemText } from "./problem-text";
import { showValue } from "./show-value";

export function componentSchemaOf(kinds: readonly AnyComponentKind[]) {
  const types = kinds.map((kind) => kind.type);
  // zod reads each option's `type` literal from the schema itself; the descriptors guarantee there is one.
  const options = kinds.map((kind) => kind.schema) as unknown as [z.ZodObject, ...z.ZodObject[]];
  return z
    .discriminatedUnion("type", options, {
      error: (issue) => {
        const input = issue.input;
        if (input === null || typeof input !== "object" || Array.isArray(input)) {
          return problemText("scenario.type", {
            expected: 'an object such as { "type": "station" }',
            got: showValue(input),
          });
        }
        const type = (input as { type?: unknown }).type;
        if (type === undefined)
          return problemText("scenario.required", { field: "type", guide: fieldGuide("type") });
        return problemText("scenario.component-type", {
          got: showValue(type),
          types,
          near: typeof type === "string" ? nearestName(type, types) : undefined,
        });
      },
    })
    .describe('A component of the system, its kind named by "type".');
}
