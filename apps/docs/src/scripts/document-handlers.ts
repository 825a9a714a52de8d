// What the Worker does with documents: sim-core reads and runs every kind (parseDocument and
// runDocument dispatch on it); this module adds the JSON Schema the editor completes each kind
// from. The explorer's programs join the table with sim-core's programJsonSchema.
import {
  catalogueError,
  type Problem,
  parseDocument,
  type Result,
  runDocument,
  scenarioJsonSchema,
} from "@syslab/sim-core";
import type { DocumentKind } from "./document-kinds";

const schemas: Partial<Record<DocumentKind, Record<string, unknown>>> = { scenario: scenarioJsonSchema };

/** The JSON Schema of a kind of document, or null when the editor has none for it. */
export function documentSchema(kind: DocumentKind): Record<string, unknown> | null {
  return schemas[kind] ?? null;
}

/** Every problem of the document, whatever its kind (an unknown kind is one problem at `kind`). */
export function documentProblems(document: unknown): Problem[] {
  const parsed = parseDocument(document);
  return parsed.ok ? [] : parsed.problems;
}

/** Runs a scenario; a document that does not validate throws the same error the engine's entry points give. */
export function runScenarioDocument(document: unknown): Result {
  const parsed = parseDocument(document);
  if (!parsed.ok)
    throw catalogueError("scenario.invalid", { count: parsed.problems.length }, parsed.problems);
  if (parsed.document.kind !== "scenario") {
    const problem = {
      path: "kind",
      code: "document.kind",
      message: `The playground runs scenarios; run a ${parsed.document.kind} with the command line or the API.`,
    };
    throw catalogueError("scenario.invalid", { count: 1 }, [problem]);
  }
  return runDocument(parsed.document).output as Result;
}
