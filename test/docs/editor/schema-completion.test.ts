// Completion from the scenario's JSON Schema in a real editor state: field names that fit where the
// cursor is (and none already there), values a field spells out, and problems placed on their lines.
import { CompletionContext } from "@codemirror/autocomplete";
import { json } from "@codemirror/lang-json";
import { EditorState } from "@codemirror/state";
import { scenarioJsonSchema } from "@syslab/sim-core";
import { describe, expect, it } from "vitest";
import type { JsonSchema } from "../../../apps/docs/src/scripts/editor/json-schema-walk";
import { problemDiagnostics, problemPath } from "../../../apps/docs/src/scripts/editor/problem-diagnostics";
import { schemaCompletion } from "../../../apps/docs/src/scripts/editor/schema-completion";
import { fieldDocAt } from "../../../apps/docs/src/scripts/editor/schema-hover";

const schema = scenarioJsonSchema as JsonSchema;
const source = schemaCompletion(() => schema);

function complete(text: string, explicit = true) {
  const pos = text.indexOf("|");
  const state = EditorState.create({ doc: text.slice(0, pos) + text.slice(pos + 1), extensions: [json()] });
  const result = source(new CompletionContext(state, pos, explicit));
  return { result, labels: result?.options.map((o) => o.label) ?? [], state };
}

describe("schema completion", () => {
  it("offers a station's remaining fields where a key is typed, with their descriptions", () => {
    const { result, labels } = complete('{ "components": { "q": { "type": "station", "se| } } }');
    expect(labels).toEqual(expect.arrayContaining(["servers", "discipline", "capacity"]));
    expect(labels).not.toContain("type");
    expect(result!.options.find((o) => o.label === "servers")!.info).toBe(
      "Number of servers (c). Default 1.",
    );
    // Filtering starts after the opening quote, so "se" matches "servers".
    expect(result!.from).toBe('{ "components": { "q": { "type": "station", "'.length);
  });

  it("a half-typed key (closing quote already there) does not rule its object's kind out", () => {
    const { labels } = complete(
      '{ "components": { "q": { "type": "station", "servers": 4,\n"dis|" } } }',
      false,
    );
    expect(labels).toContain("discipline");
  });

  it("offers a field's values: the discipline's enum, quoted as JSON", () => {
    const { labels } = complete('{ "components": { "q": { "type": "station", "discipline": | } } }');
    expect(labels).toEqual(['"fcfs"', '"lifo"', '"priority"', '"deadline"', '"ps"']);
  });

  it("stays quiet between tokens unless asked (Ctrl+Space)", () => {
    expect(complete('{ "components": { "q": { | } } }', false).result).toBeNull();
    expect(complete('{ "components": { "q": { | } } }', true).labels).toContain("type");
  });
});

describe("problems in the editor", () => {
  it("parses problem paths as syslab writes them", () => {
    expect(problemPath("workload.requests[0].steps[1].call")).toEqual([
      "workload",
      "requests",
      0,
      "steps",
      1,
      "call",
    ]);
    expect(problemPath('components["web-1"].cores')).toEqual(["components", "web-1", "cores"]);
    expect(problemPath("(document)")).toEqual([]);
  });

  it("underlines each problem where its path points, on its line", () => {
    const doc =
      '{\n  "version": 1,\n  "components": {\n    "q": { "type": "station", "servers": -2 }\n  }\n}';
    const state = EditorState.create({ doc, extensions: [json()] });
    const [d] = problemDiagnostics(state, [
      { path: "components.q.servers", code: "scenario.too-small", message: "Must be more than 0; got -2." },
    ]);
    expect(state.sliceDoc(d!.from, d!.to)).toBe("-2");
    expect(state.doc.lineAt(d!.from).number).toBe(4);
    expect(d!.message).toBe("components.q.servers: Must be more than 0; got -2.");
  });

  it("puts a JSON syntax error where the parser stopped", () => {
    const doc = '{\n  "version": 1,\n  "seed": 7,,\n  "entry": "q"\n}';
    const state = EditorState.create({ doc, extensions: [json()] });
    const [d] = problemDiagnostics(state, [
      { path: "(document)", code: "json.syntax", message: "Not JSON." },
    ]);
    expect(state.doc.lineAt(d!.from).number).toBe(3);
  });

  it("describes the field at the cursor from its schema", () => {
    const doc = '{ "components": { "q": { "type": "station", "servers": 4 } } }';
    const state = EditorState.create({ doc, extensions: [json()] });
    const found = fieldDocAt(state, doc.indexOf('"servers"') + 2, schema);
    expect(found).toMatchObject({
      path: "components.q.servers",
      description: "Number of servers (c). Default 1.",
    });
  });
});
