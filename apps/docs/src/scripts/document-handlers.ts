// What the Worker does with each kind of document: the JSON Schema the editor completes it from, the
// validator that lists its problems, and its run. A kind without a handler is refused with a problem
// that says so. The explorer's programs join this table with sim-core's programJsonSchema.
import { type Problem, parseScenario, type Result, scenarioJsonSchema, simulate } from "@syslab/sim-core";
import type { DocumentKind } from "./document-kinds";

interface DocumentHandler {
  schema: Record<string, unknown>;
  validate(document: unknown): Problem[];
  run(document: unknown): Result;
}

const handlers: Partial<Record<DocumentKind, DocumentHandler>> = {
  scenario: {
    schema: scenarioJsonSchema,
    validate(document) {
      const parsed = parseScenario(document);
      return parsed.ok ? [] : parsed.problems;
    },
    run: (document) => simulate(document),
  },
};

export function documentHandler(kind: DocumentKind): DocumentHandler | undefined {
  return handlers[kind];
}

/** The problem reported for a document whose kind this site cannot validate or run. */
export function unsupportedKind(kind: DocumentKind): Problem {
  return {
    path: "kind",
    code: "document.kind",
    message: `Documents of kind "${kind}" cannot be checked or run here yet. Remove "kind" to write a scenario.`,
  };
}
