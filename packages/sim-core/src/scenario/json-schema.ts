/**
 * The JSON Schema (draft 2020-12) of the scenario format as users write it, generated from the
 * zod schema (and so from the component kinds' descriptors) so the two cannot drift. Editors use
 * it for completion; the docs site builds its scenario reference from its descriptions.
 */
import { z } from "zod";
import type { AnyComponentKind } from "../component/component-kind";
import { componentKinds } from "../component-kinds";
import { scenarioSchemaOf } from "./schema";

export function jsonSchemaOf(kinds: readonly AnyComponentKind[]): Record<string, unknown> {
  return z.toJSONSchema(scenarioSchemaOf(kinds), {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
  }) as Record<string, unknown>;
}

export const scenarioJsonSchema = jsonSchemaOf(componentKinds);
