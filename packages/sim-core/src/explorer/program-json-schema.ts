/**
 * The JSON Schema (draft 2020-12) of programs as users write them, generated from the zod schema
 * so the two cannot drift. The playground completes program documents with it.
 */
import { z } from "zod";
import { programSchema } from "./program-schema";

export const programJsonSchema = z.toJSONSchema(programSchema, {
  target: "draft-2020-12",
  io: "input",
  unrepresentable: "any",
}) as Record<string, unknown>;
