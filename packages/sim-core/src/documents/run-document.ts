/**
 * Runs a parsed document of any kind, and the helpers every entry point shares: its canonical
 * form, hash and name. Parse first (parse-document.ts).
 */
import type { RunOptions } from "../run/run-options";
import type { AnyDocumentKind } from "./any-document-kind";
import type { Document, DocumentOutput } from "./document-kinds";
import { documentKind } from "./parse-document";

function descriptor(document: Document): AnyDocumentKind {
  return documentKind(document.kind)!;
}

export function runDocument(document: Document, options?: RunOptions): DocumentOutput {
  return { kind: document.kind, output: descriptor(document).run(document.value, options) } as DocumentOutput;
}

export function documentHash(document: Document): string {
  return descriptor(document).hash(document.value);
}

export function canonicalDocument(document: Document): unknown {
  return descriptor(document).canonical(document.value);
}

export function documentName(document: Document): string | undefined {
  return descriptor(document).name(document.value);
}
