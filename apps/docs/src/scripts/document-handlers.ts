// What the Worker does with documents: sim-core reads and runs every kind (parseDocument and
// runDocument dispatch on it); this module adds the JSON Schema the editor completes each kind from.
import { type TopologyLayout, topologyLayout } from "@syslab/charts";
import {
  canonicalDocument,
  catalogueError,
  type DocumentOutput,
  type Problem,
  type Progress,
  parseDocument,
  programJsonSchema,
  runDocument,
  scenarioJsonSchema,
} from "@syslab/sim-core";
import type { DocumentKind } from "./document-kinds";

const schemas: Partial<Record<DocumentKind, Record<string, unknown>>> = {
  scenario: scenarioJsonSchema,
  program: programJsonSchema,
};

/** The JSON Schema of a kind of document, or null when the editor has none for it. */
export function documentSchema(kind: DocumentKind): Record<string, unknown> | null {
  return schemas[kind] ?? null;
}

/** Every problem of the document, whatever its kind (an unknown kind is one problem at `kind`). */
export function documentProblems(document: unknown): Problem[] {
  const parsed = parseDocument(document);
  return parsed.ok ? [] : parsed.problems;
}

/**
 * Runs a scenario (simulated) or a program (explored); one that does not validate throws the same
 * error the engine's entry points give. Comparisons run two scenarios many times: not here.
 */
export function runAnyDocument(
  document: unknown,
  onProgress?: (progress: Progress) => void,
): Exclude<DocumentOutput, { kind: "comparison" }> {
  const parsed = parseDocument(document);
  if (!parsed.ok)
    throw catalogueError("scenario.invalid", { count: parsed.problems.length }, parsed.problems);
  if (parsed.document.kind === "comparison") {
    const problem = {
      path: "kind",
      code: "document.kind",
      message:
        "The playground runs scenarios and programs; run a comparison with the command line or the API.",
    };
    throw catalogueError("scenario.invalid", { count: 1 }, [problem]);
  }
  return runDocument(parsed.document, onProgress ? { onProgress } : undefined) as Exclude<
    DocumentOutput,
    { kind: "comparison" }
  >;
}

/** Where a scenario's components sit in its topology diagram (a traced run's animation draws over it). */
export function documentTopology(document: unknown): TopologyLayout | undefined {
  const parsed = parseDocument(document);
  return parsed.ok ? topologyLayout(canonicalDocument(parsed.document)) : undefined;
}
