/**
 * The JSON Schema (draft 2020-12) of the scenario format as users write it, generated from the
 * zod schema so the two cannot drift. Editors use it for completion; the docs site builds its
 * scenario reference from its descriptions.
 */
import { z } from "zod";
import { scenarioSchema } from "./schema";

export const scenarioJsonSchema = z.toJSONSchema(scenarioSchema, {
  target: "draft-2020-12",
  io: "input",
  unrepresentable: "any",
}) as Record<string, unknown>;
