/**
 * Reads any document: dispatches on its `kind` (none for a scenario) to that kind's parser.
 * An unknown kind is one problem at `kind`, with the kinds there are and a "did you mean".
 */
import { catalogueMessage } from "../errors/catalogue";
import type { Problem } from "../errors/problem";
import { nearestName } from "../scenario/nearest-name";
import { showValue } from "../scenario/show-value";
import type { AnyDocumentKind } from "./any-document-kind";
import type { ParsedValue } from "./document-kind";
import { type Document, documentKinds } from "./document-kinds";

export type ParsedDocument = { ok: true; document: Document } | { ok: false; problems: Problem[] };

/** The kind of a document that names none. */
const SCENARIO = "scenario";

/** The descriptor of a document kind, by its name. */
export function documentKind(kind: string): AnyDocumentKind | undefined {
  return documentKinds.find((k) => k.kind === kind);
}

export function parseDocument(input: unknown): ParsedDocument {
  const named =
    input !== null && typeof input === "object" && !Array.isArray(input)
      ? (input as Record<string, unknown>).kind
      : undefined;
  if (named === undefined) return tagged(SCENARIO, documentKind(SCENARIO)!.parse(input));
  // A scenario is written without a kind, so "scenario" is not a kind to write either.
  const descriptor = typeof named === "string" && named !== SCENARIO ? documentKind(named) : undefined;
  if (descriptor === undefined) return { ok: false, problems: [unknownKind(named)] };
  return tagged(descriptor.kind, descriptor.parse(input));
}

function tagged(kind: string, parsed: ParsedValue<unknown>): ParsedDocument {
  return parsed.ok ? { ok: true, document: { kind, value: parsed.value } as Document } : parsed;
}

function unknownKind(kind: unknown): Problem {
  const kinds = documentKinds.map((k) => k.kind).filter((k) => k !== SCENARIO);
  const message = catalogueMessage("document.kind", {
    got: showValue(kind),
    kinds,
    near: typeof kind === "string" ? nearestName(kind, kinds) : undefined,
  });
  return { path: "kind", code: "document.kind", message };
}
