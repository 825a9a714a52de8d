/**
 * Any component, told apart by `type`. Each kind lives in its own file beside this one;
 * a new kind joins by adding its schema to COMPONENT_SCHEMAS (and its type to model.ts).
 */
import { z } from "zod";
import { fieldGuide } from "../field-guide";
import { nearestName } from "../nearest-name";
import { problemText } from "../problem-text";
import { showValue } from "../show-value";
import { poolSchema } from "./pool";
import { serverSchema } from "./server";
import { stationSchema } from "./station";

const COMPONENT_SCHEMAS = [stationSchema, serverSchema, poolSchema] as const;

/** The values of `type`, for messages and for the cross-checks in references.ts. */
const COMPONENT_TYPES: string[] = COMPONENT_SCHEMAS.map((schema) => {
  const literal = schema.in.shape.type;
  return literal.value;
});

export const componentSchema = z
  .discriminatedUnion("type", [...COMPONENT_SCHEMAS], {
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
        types: COMPONENT_TYPES,
        near: typeof type === "string" ? nearestName(type, COMPONENT_TYPES) : undefined,
      });
    },
  })
  .describe('A component of the system, its kind named by "type".');
