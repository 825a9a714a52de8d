// The validator's problems as the editor's inline diagnostics: each one underlined where its JSON
// path points (the key of an unknown field, the value of a wrong one) and described by its message.
import type { Diagnostic } from "@codemirror/lint";
import type { EditorState } from "@codemirror/state";
import { type PathSegment, type Problem, parsePath } from "@syslab/sim-core";
import { fullTree, rangeOfPath } from "./json-document";

/** The segments of a problem's path; "(document)" and "" name the whole document. */
export function problemPath(text: string): PathSegment[] {
  return parsePath(text) ?? [];
}

/** Where a JSON syntax error is: the parser's first error node, else the end of the text. */
function syntaxErrorAt(state: EditorState): number {
  let at = -1;
  fullTree(state).iterate({
    enter(node) {
      if (at >= 0) return false;
      if (node.type.isError) at = node.from;
      return undefined;
    },
  });
  return at >= 0 ? at : state.doc.length;
}

export function problemDiagnostics(state: EditorState, problems: readonly Problem[]): Diagnostic[] {
  return problems.map((problem) => {
    if (problem.code === "json.syntax") {
      const from = Math.min(syntaxErrorAt(state), state.doc.length);
      return { from, to: Math.min(from + 1, state.doc.length), severity: "error", message: problem.message };
    }
    const target = problem.code === "scenario.unknown-key" ? "key" : "value";
    const { from, to } = rangeOfPath(state, problemPath(problem.path), target);
    const where = problem.path === "" || problem.path === "(document)" ? "" : `${problem.path}: `;
    return { from, to, severity: "error", message: `${where}${problem.message}`, source: "syslab" };
  });
}
