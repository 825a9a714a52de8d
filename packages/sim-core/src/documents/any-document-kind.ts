/** A document kind with its types forgotten, for code that handles every kind alike. */
import type { DocumentKind } from "./document-kind";

export type AnyDocumentKind = DocumentKind<string, unknown, unknown>;
