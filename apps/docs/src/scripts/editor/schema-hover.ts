// What the schema says about a field, where a reader can get at it: a tooltip when the pointer rests
// on a key, and a line under the editor for the field at the cursor (for keyboard and screen readers).
import type { EditorState } from "@codemirror/state";
import { hoverTooltip, type Tooltip } from "@codemirror/view";
import { documentValue, fullTree, placeAt } from "./json-document";
import { describe, type JsonSchema, type PathSegment } from "./json-schema-walk";

/** Dotted path as syslab's problems write it: `components.q.servers`, `workload.requests[0]`. */
export function formatPath(path: readonly PathSegment[]): string {
  return path
    .map((segment, i) =>
      typeof segment === "number"
        ? `[${segment}]`
        : /^[A-Za-z_$][\w$-]*$/.test(segment)
          ? `${i === 0 ? "" : "."}${segment}`
          : `[${JSON.stringify(segment)}]`,
    )
    .join("");
}

/** A complete quoted key's name; undefined while it is still being typed. */
function keyName(token: string): string | undefined {
  try {
    const name: unknown = JSON.parse(token);
    return typeof name === "string" ? name : undefined;
  } catch {
    return undefined;
  }
}

export interface FieldDoc {
  path: string;
  description: string;
  defaultValue?: unknown;
  from: number;
  to: number;
}

/** The field whose key (or value) is at `pos`, and what the schema says about it. */
export function fieldDocAt(
  state: EditorState,
  pos: number,
  schema: JsonSchema | undefined,
): FieldDoc | undefined {
  if (!schema) return undefined;
  const node = fullTree(state).resolveInner(pos, 1);
  const place = placeAt(state, node.name === "PropertyName" ? Math.min(node.to, pos + 1) : pos);
  if (!place) return undefined;
  let path = place.path;
  if (place.role === "key") {
    const key = keyName(state.sliceDoc(place.from, place.to));
    if (key === undefined) return undefined;
    path = [...place.path, key];
  }
  if (path.length === 0) return undefined;
  const found = describe(schema, documentValue(state), path);
  return found ? { path: formatPath(path), ...found, from: place.from, to: place.to } : undefined;
}

function render(doc: FieldDoc): HTMLElement {
  const box = document.createElement("div");
  box.className = "cm-field-doc";
  const path = document.createElement("code");
  path.textContent = doc.path;
  const text = document.createElement("p");
  text.textContent = doc.description;
  box.append(path, text);
  return box;
}

export function schemaHover(schemaFor: (state: EditorState) => JsonSchema | undefined) {
  return hoverTooltip((view, pos): Tooltip | null => {
    const node = fullTree(view.state).resolveInner(pos, 1);
    if (node.name !== "PropertyName") return null;
    const doc = fieldDocAt(view.state, pos, schemaFor(view.state));
    if (!doc) return null;
    return { pos: node.from, end: node.to, above: true, create: () => ({ dom: render(doc) }) };
  });
}
