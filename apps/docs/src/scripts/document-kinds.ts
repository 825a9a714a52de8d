// The kinds of document the playground edits, told apart as syslab tells them apart: a document with
// "kind": "program" is a program for the interleaving explorer; one without "kind" is a scenario.
// The Worker holds each kind's schema and validator (sim-worker-handler.ts); the editor asks it by name.

export type DocumentKind = "scenario" | "program";

export function documentKind(document: unknown): DocumentKind {
  const kind = (document as { kind?: unknown } | null)?.kind;
  return kind === "program" ? "program" : "scenario";
}
