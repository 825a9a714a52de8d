// The JSON being edited, read from the editor's syntax tree so that it works while the text is still
// half-written: the values it already holds, the JSON path and role (key or value) of a position, and
// the text range of a JSON path (where a problem the validator names belongs).
import { ensureSyntaxTree, syntaxTree } from "@codemirror/language";
import type { EditorState } from "@codemirror/state";
import type { SyntaxNode } from "@lezer/common";
import type { PathSegment } from "./json-schema-walk";

const VALUE_NODES = new Set(["Object", "Array", "String", "Number", "True", "False", "Null"]);

/** The whole document's tree: scenarios are short, so parsing to the end costs little. */
export function fullTree(state: EditorState) {
  return ensureSyntaxTree(state, state.doc.length, 200) ?? syntaxTree(state);
}

function text(state: EditorState, node: SyntaxNode): string {
  return state.sliceDoc(node.from, node.to);
}

function parseString(raw: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === "string" ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function propertyName(state: EditorState, property: SyntaxNode): string | undefined {
  const name = property.getChild("PropertyName");
  return name ? parseString(text(state, name)) : undefined;
}

/** The value node of a property, if it has one yet. */
function propertyValue(property: SyntaxNode): SyntaxNode | null {
  const last = property.lastChild;
  return last && VALUE_NODES.has(last.name) ? last : null;
}

function values(container: SyntaxNode): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  for (let c = container.firstChild; c; c = c.nextSibling) if (VALUE_NODES.has(c.name)) found.push(c);
  return found;
}

function nodeValue(state: EditorState, node: SyntaxNode): unknown {
  switch (node.name) {
    case "Object": {
      const object: Record<string, unknown> = {};
      for (const property of node.getChildren("Property")) {
        const name = propertyName(state, property);
        const value = propertyValue(property);
        if (name !== undefined) object[name] = value ? nodeValue(state, value) : undefined;
      }
      return object;
    }
    case "Array":
      return values(node).map((item) => nodeValue(state, item));
    case "String":
      return parseString(text(state, node));
    case "Number":
      return Number(text(state, node));
    case "True":
      return true;
    case "False":
      return false;
    case "Null":
      return null;
    default:
      return undefined;
  }
}

/** What the document holds so far: every complete key and value, with unfinished ones left out. */
export function documentValue(state: EditorState): unknown {
  const top = fullTree(state).topNode;
  const value = values(top)[0];
  return value ? nodeValue(state, value) : undefined;
}

/** The JSON path of a value node: the property names and array indices above it. */
function pathOf(state: EditorState, node: SyntaxNode): PathSegment[] {
  const path: PathSegment[] = [];
  let current: SyntaxNode | null = node;
  while (current?.parent) {
    const parent: SyntaxNode = current.parent;
    if (parent.name === "Property") {
      path.unshift(propertyName(state, parent) ?? "");
      current = parent.parent; // the object holding the property
      continue;
    }
    if (parent.name === "Array") path.unshift(values(parent).findIndex((v) => v.from === current!.from));
    current = parent;
  }
  return path;
}

export interface Place {
  /** The path of the object whose key is being written, or of the value being written. */
  path: PathSegment[];
  role: "key" | "value";
  /** The text a completion replaces (the partial key or value under the cursor). */
  from: number;
  to: number;
}

/** The last character before `pos` that is not white space. */
function previousChar(state: EditorState, pos: number): string {
  const before = state.sliceDoc(Math.max(0, pos - 200), pos).trimEnd();
  return before[before.length - 1] ?? "";
}

/** Where a string still open at `pos` starts (an odd number of quotes before it on its line), if one is. */
function openStringStart(state: EditorState, pos: number): number | undefined {
  const line = state.doc.lineAt(pos);
  const quotes = [...state.sliceDoc(line.from, pos).matchAll(/(?<!\\)"/g)];
  return quotes.length % 2 === 1 ? line.from + quotes[quotes.length - 1]!.index! : undefined;
}

/** The innermost object or array around `pos`, and the property of that object `pos` is in, if any. */
function container(node: SyntaxNode | null): SyntaxNode | null {
  for (let n = node; n; n = n.parent) if (n.name === "Object" || n.name === "Array") return n;
  return null;
}

/** Where the cursor is, in JSON terms: writing a key of some object, or a value at some path. */
export function placeAt(state: EditorState, pos: number): Place | undefined {
  const node = fullTree(state).resolveInner(pos, -1);
  if (node.name === "PropertyName" && node.parent?.parent) {
    return { path: pathOf(state, node.parent.parent), role: "key", from: node.from, to: node.to };
  }
  if (VALUE_NODES.has(node.name) && node.name !== "Object" && node.name !== "Array" && node.to >= pos) {
    return { path: pathOf(state, node), role: "value", from: node.from, to: node.to };
  }
  // Between tokens, or in a string not closed yet: the punctuation before tells which.
  const from = openStringStart(state, pos) ?? pos;
  const open = from !== pos;
  const around = container(node);
  if (around === null) return { path: [], role: "value", from, to: pos };
  const mark = previousChar(state, from);
  const objectPath = pathOf(state, around);
  if (around.name === "Array") {
    const index = values(around).filter((v) => v.to <= from).length;
    return { path: [...objectPath, index], role: "value", from, to: pos };
  }
  if (mark === ":") {
    const property = around.getChildren("Property").find((p) => p.from < from && p.to >= from - 1);
    const name = property ? propertyName(state, property) : undefined;
    if (name !== undefined) return { path: [...objectPath, name], role: "value", from, to: pos };
    // An unfinished key before the colon: read it from the text.
    const key = /"((?:[^"\\]|\\.)*)"\s*:\s*$/.exec(state.sliceDoc(Math.max(0, from - 200), from));
    if (key)
      return { path: [...objectPath, parseString(`"${key[1]}"`) ?? key[1]!], role: "value", from, to: pos };
  }
  if (mark === "{" || mark === "," || open) return { path: objectPath, role: "key", from, to: pos };
  return undefined;
}

/** The keys an object at `path` already has (to leave them out of completions). */
export function keysAt(document: unknown, path: readonly PathSegment[]): Set<string> {
  let at = document;
  for (const segment of path) at = (at as Record<PathSegment, unknown> | undefined)?.[segment];
  return new Set(at !== null && typeof at === "object" ? Object.keys(at) : []);
}

/**
 * The text range a JSON path names: the key of its last property (`key`) or its value (`value`).
 * Where the path goes further than the document (a missing field), the deepest part that exists.
 */
export function rangeOfPath(
  state: EditorState,
  path: readonly PathSegment[],
  target: "key" | "value",
): { from: number; to: number } {
  let node: SyntaxNode | undefined = values(fullTree(state).topNode)[0];
  if (!node) return { from: 0, to: Math.min(1, state.doc.length) };
  let key: SyntaxNode | null = null;
  for (const segment of path) {
    let next: SyntaxNode | null | undefined = null;
    if (typeof segment === "number" && node.name === "Array") {
      next = values(node)[segment];
      key = null;
    } else if (node.name === "Object") {
      const property: SyntaxNode | undefined = node
        .getChildren("Property")
        .find((p) => propertyName(state, p) === String(segment));
      key = property?.getChild("PropertyName") ?? null;
      next = property ? (propertyValue(property) ?? key) : null;
    }
    if (!next) break;
    node = next;
  }
  const chosen = target === "key" && key ? key : node;
  // A whole object is a long range: its opening line is where a reader looks.
  if (chosen.name === "Object" || chosen.name === "Array") {
    const line = state.doc.lineAt(chosen.from);
    return { from: chosen.from, to: Math.min(chosen.to, line.to) };
  }
  return { from: chosen.from, to: chosen.to };
}
