// Reading a half-written JSON document from the editor's syntax tree: its values so far, the place
// (key or value, and JSON path) at a position, and the text range a problem's path names.
import { json } from "@codemirror/lang-json";
import { EditorState } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { documentValue, placeAt, rangeOfPath } from "../../../apps/docs/src/scripts/editor/json-document";

/** A state holding `text` with "|" marking the cursor, which is removed. */
function at(text: string): { state: EditorState; pos: number } {
  const pos = text.indexOf("|");
  const doc = pos < 0 ? text : text.slice(0, pos) + text.slice(pos + 1);
  return { state: EditorState.create({ doc, extensions: [json()] }), pos };
}

describe("JSON document", () => {
  it("reads the values written so far and leaves out unfinished ones", () => {
    const { state } = at(
      '{ "version": 1, "components": { "q": { "type": "station", "servers": } }, "seed": 7 }',
    );
    expect(documentValue(state)).toEqual({
      version: 1,
      components: { q: { type: "station", servers: undefined } },
      seed: 7,
    });
  });

  it("knows a key is being written, and in which object", () => {
    const { state, pos } = at('{ "components": { "q": { "type": "station", "se| } } }');
    expect(placeAt(state, pos)).toMatchObject({ path: ["components", "q"], role: "key" });
    const between = at('{ "components": { "q": { "type": "station", | } } }');
    expect(placeAt(between.state, between.pos)).toMatchObject({ path: ["components", "q"], role: "key" });
  });

  it("knows a value is being written, with the path of its field, in objects and arrays", () => {
    const value = at('{ "components": { "q": { "discipline": | } } }');
    expect(placeAt(value.state, value.pos)).toMatchObject({
      path: ["components", "q", "discipline"],
      role: "value",
    });
    const partial = at('{ "components": { "q": { "discipline": "fc|" } } }');
    expect(placeAt(partial.state, partial.pos)).toMatchObject({
      path: ["components", "q", "discipline"],
      role: "value",
    });
    const item = at(
      '{ "workload": { "requests": [ { "name": "a" }, { "name": "b", "steps": [ { "cpu": "1ms" }, | ] } ] } }',
    );
    expect(placeAt(item.state, item.pos)).toMatchObject({
      path: ["workload", "requests", 1, "steps", 1],
      role: "value",
    });
  });

  it("finds the text a problem's path names: a value, a key, or the deepest part that exists", () => {
    const text = '{\n  "components": {\n    "q": { "type": "station", "servers": -2, "sever": 1 }\n  }\n}';
    const { state } = at(text);
    const slice = (r: { from: number; to: number }) => state.sliceDoc(r.from, r.to);
    expect(slice(rangeOfPath(state, ["components", "q", "servers"], "value"))).toBe("-2");
    expect(slice(rangeOfPath(state, ["components", "q", "sever"], "key"))).toBe('"sever"');
    expect(state.doc.lineAt(rangeOfPath(state, ["components", "q", "servers"], "value").from).number).toBe(3);
    // A missing field: the object that lacks it, on its first line.
    expect(slice(rangeOfPath(state, ["components", "q", "capacity"], "value"))).toBe(
      '{ "type": "station", "servers": -2, "sever": 1 }',
    );
  });
});
