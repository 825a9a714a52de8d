// The playground's editor: CodeMirror 6 over JSON, with completion and field docs from the document's
// JSON Schema and inline problems from syslab's own validator (run in the Worker), in the site's
// colours. Tab is left to move focus on, so the editor never traps a keyboard user.
import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
} from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { json } from "@codemirror/lang-json";
import { bracketMatching, indentOnInput } from "@codemirror/language";
import { type Diagnostic, linter, lintGutter, lintKeymap } from "@codemirror/lint";
import { EditorState } from "@codemirror/state";
import {
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import type { Problem } from "@syslab/sim-core";
import { type DocumentKind, documentKind } from "../document-kinds";
import { editorTheme } from "./editor-theme";
import { documentValue } from "./json-document";
import type { JsonSchema } from "./json-schema-walk";
import { problemDiagnostics } from "./problem-diagnostics";
import { schemaCompletion } from "./schema-completion";
import { type FieldDoc, fieldDocAt, schemaHover } from "./schema-hover";

export interface DocumentEditorOptions {
  parent: HTMLElement;
  text: string;
  /** The editor's accessible name, and the id of the text that explains how to use it. */
  label: string;
  describedBy: string;
  /** A kind's JSON Schema, from the Worker; undefined for a kind this site cannot edit. */
  loadSchema(kind: DocumentKind): Promise<JsonSchema | undefined>;
  /** syslab's validator, from the Worker. */
  validate(text: string): Promise<Problem[]>;
  onProblems(problems: Problem[]): void;
  onChange(text: string): void;
  /** The field at the cursor and its description, as the cursor moves. */
  onFieldDoc(doc: FieldDoc | undefined): void;
}

export class DocumentEditor {
  readonly view: EditorView;
  readonly #schemas = new Map<DocumentKind, JsonSchema | undefined>();
  readonly #options: DocumentEditorOptions;

  constructor(options: DocumentEditorOptions) {
    this.#options = options;
    const schemaOf = (document: unknown) => this.#schema(documentKind(document));
    this.view = new EditorView({
      parent: options.parent,
      state: EditorState.create({
        doc: options.text,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          history(),
          indentOnInput(),
          bracketMatching(),
          closeBrackets(),
          highlightActiveLine(),
          json(),
          editorTheme,
          autocompletion({ override: [schemaCompletion(schemaOf)], icons: false }),
          schemaHover((state) => schemaOf(documentValue(state))),
          linter((view) => this.#lint(view), { delay: 300 }),
          lintGutter(),
          keymap.of([
            ...closeBracketsKeymap,
            ...defaultKeymap,
            ...historyKeymap,
            ...completionKeymap,
            ...lintKeymap,
          ]),
          EditorView.contentAttributes.of({
            "aria-label": options.label,
            "aria-describedby": options.describedBy,
            // Explicitly in the tab order, so the scroller around it counts as reachable by keyboard.
            tabindex: "0",
            spellcheck: "false",
            autocapitalize: "off",
          }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) options.onChange(update.state.doc.toString());
            if (update.docChanged || update.selectionSet) this.#reportFieldDoc(update.state);
          }),
        ],
      }),
    });
    void this.#loadSchema("scenario").then(() => this.#reportFieldDoc(this.view.state));
  }

  get text(): string {
    return this.view.state.doc.toString();
  }

  set text(value: string) {
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: value } });
  }

  /** The schema of a kind if it has arrived; asks the Worker for it the first time. */
  #schema(kind: DocumentKind): JsonSchema | undefined {
    if (!this.#schemas.has(kind)) void this.#loadSchema(kind);
    return this.#schemas.get(kind);
  }

  async #loadSchema(kind: DocumentKind): Promise<void> {
    this.#schemas.set(kind, undefined);
    this.#schemas.set(kind, await this.#options.loadSchema(kind));
  }

  async #lint(view: EditorView): Promise<Diagnostic[]> {
    // The problems belong to this text: the linter drops them if the text changes meanwhile.
    const state = view.state;
    const problems = await this.#options.validate(state.doc.toString());
    this.#options.onProblems(problems);
    return problemDiagnostics(state, problems);
  }

  #reportFieldDoc(state: EditorState): void {
    const schema = this.#schema(documentKind(documentValue(state)));
    this.#options.onFieldDoc(fieldDocAt(state, state.selection.main.head, schema));
  }
}
