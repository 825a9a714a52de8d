/**
 * A document kind: what a user can submit and run. A scenario (the document with no `kind`) is
 * simulated; a program ("kind": "program") is explored. Each kind is one descriptor in
 * document-kinds.ts; every entry point (command line, API, docs worker) parses and runs documents
 * through parse-document.ts and run-document.ts, the one place that dispatches on the kind.
 */
import type { Problem } from "../errors/problem";
import type { RunOptions } from "../run/run-options";

export type ParsedValue<V> = { ok: true; value: V } | { ok: false; problems: Problem[] };

export interface DocumentKind<Kind extends string = string, Value = unknown, Output = unknown> {
  /** The document's `kind` ("scenario" is the kind of a document that names none). */
  readonly kind: Kind;
  /** Validates and normalises the document, or lists every problem with its JSON path. */
  parse(input: unknown): ParsedValue<Value>;
  /** The normalised document with its keys in a stable order, for storage and hashing. */
  canonical(value: Value): unknown;
  /** Hex SHA-256 of the canonical document: the same document hashes the same however it was written. */
  hash(value: Value): string;
  /** The document's own title, when it has one. */
  name(value: Value): string | undefined;
  run(value: Value, options?: RunOptions): Output;
}

/** A parsed document of one of these kinds, tagged with its kind. */
export type DocumentOf<K> =
  K extends DocumentKind<infer Kind, infer Value, unknown> ? { kind: Kind; value: Value } : never;

/** What running a document of one of these kinds gives, tagged with its kind. */
export type OutputOf<K> =
  K extends DocumentKind<infer Kind, unknown, infer Output> ? { kind: Kind; output: Output } : never;
