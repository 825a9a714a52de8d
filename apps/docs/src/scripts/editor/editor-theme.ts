// The editor in the site's colours: every colour is one of the page's CSS variables, so the theme
// switch recolours the editor too, and each token colour keeps 4.5:1 or more on the code background.
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { EditorView } from "@codemirror/view";
import { tags } from "@lezer/highlight";

const theme = EditorView.theme({
  "&": {
    color: "var(--fg)",
    backgroundColor: "var(--bg-code)",
    border: "1px solid var(--border)",
    borderRadius: "var(--radius)",
    fontSize: "0.85rem",
  },
  "&.cm-focused": { outline: "3px solid var(--accent)", outlineOffset: "2px" },
  ".cm-scroller": {
    fontFamily: "var(--font-mono)",
    lineHeight: "1.5",
    minHeight: "26rem",
    maxHeight: "70vh",
  },
  ".cm-content": { caretColor: "var(--fg)", padding: "0.8rem 0" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--fg)" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection":
    {
      backgroundColor: "var(--accent-soft)",
    },
  ".cm-activeLine": { backgroundColor: "color-mix(in srgb, var(--accent) 7%, transparent)" },
  ".cm-gutters": {
    color: "var(--fg-soft)",
    backgroundColor: "var(--bg-code)",
    borderRight: "1px solid var(--border)",
    borderRadius: "var(--radius) 0 0 var(--radius)",
  },
  ".cm-activeLineGutter": { backgroundColor: "transparent", color: "var(--fg)" },
  ".cm-tooltip": {
    color: "var(--fg)",
    backgroundColor: "var(--bg)",
    border: "1px solid var(--border)",
    borderRadius: "6px",
    boxShadow: "0 6px 18px rgb(0 0 0 / 0.18)",
    maxWidth: "32rem",
  },
  ".cm-tooltip-autocomplete > ul > li[aria-selected]": {
    color: "var(--fg)",
    backgroundColor: "var(--accent-soft)",
  },
  ".cm-completionDetail": { color: "var(--fg-soft)", fontStyle: "normal", marginLeft: "0.6em" },
  ".cm-completionInfo": { padding: "0.4rem 0.6rem", fontFamily: "var(--font-body)" },
  ".cm-field-doc": { padding: "0.4rem 0.6rem", fontFamily: "var(--font-body)", fontSize: "0.88rem" },
  ".cm-field-doc p": { margin: "0.2rem 0 0" },
  ".cm-diagnostic": { fontFamily: "var(--font-body)", padding: "0.3rem 0.6rem" },
  ".cm-diagnostic-error": { borderLeftColor: "var(--warn)" },
  ".cm-lintRange-error": {
    backgroundImage: "none",
    textDecoration: "underline wavy var(--warn)",
    textDecorationSkipInk: "none",
    textUnderlineOffset: "3px",
  },
  ".cm-matchingBracket": { backgroundColor: "var(--accent-soft)", outline: "1px solid var(--border)" },
});

const highlight = HighlightStyle.define([
  { tag: tags.propertyName, color: "var(--code-key)" },
  { tag: tags.string, color: "var(--code-string)" },
  { tag: tags.number, color: "var(--code-number)" },
  { tag: [tags.bool, tags.null], color: "var(--code-keyword)" },
]);

export const editorTheme = [theme, syntaxHighlighting(highlight)];
