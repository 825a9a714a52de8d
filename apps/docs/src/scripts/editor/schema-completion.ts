// Completion from the document's JSON Schema: the fields an object may still take (with their
// descriptions), and the values a field spells out (consts, enums, true / false).
import type { Completion, CompletionContext, CompletionResult } from "@codemirror/autocomplete";
import type { EditorView } from "@codemirror/view";
import { documentValue, keysAt, placeAt } from "./json-document";
import { type JsonSchema, propertiesAt, valuesAt } from "./json-schema-walk";

/** Replaces the whole token under the cursor, quotes included, so no stray quote is left behind. */
function replaceToken(from: number, to: number, insert: string) {
  return (view: EditorView) => {
    view.dispatch({
      changes: { from, to, insert },
      selection: { anchor: from + insert.length },
      userEvent: "input.complete",
    });
  };
}

/** A completion source over whichever schema `schemaFor` gives for the document (by its kind). */
export function schemaCompletion(schemaFor: (document: unknown) => JsonSchema | undefined) {
  return (context: CompletionContext): CompletionResult | null => {
    const place = placeAt(context.state, context.pos);
    if (!place) return null;
    // Offer a list unasked only inside a key or value being typed; Ctrl+Space asks anywhere.
    if (!context.explicit && place.from === place.to) return null;
    const document = documentValue(context.state);
    const schema = schemaFor(document);
    if (!schema) return null;
    const token = context.state.sliceDoc(place.from, place.to);
    const quoted = token.startsWith('"');
    const end = Math.max(place.to, context.pos);
    let options: Completion[];
    if (place.role === "key") {
      const present = keysAt(document, place.path);
      const typedKey = quoted ? token.slice(1).replace(/"$/, "") : token;
      // A key followed by its colon keeps it: only the name is replaced.
      const colon = /^\s*:/.test(context.state.sliceDoc(end, end + 20));
      options = propertiesAt(schema, document, place.path)
        .filter((offer) => !present.has(offer.name) || offer.name === typedKey)
        .map((offer, i) => ({
          label: offer.name,
          apply: replaceToken(
            place.from,
            end,
            colon ? JSON.stringify(offer.name) : `${JSON.stringify(offer.name)}: `,
          ),
          type: "property",
          detail: offer.required ? "required" : undefined,
          info: offer.description,
          // Required fields first, then the schema's own order.
          boost: (offer.required ? 50 : 0) - i / 100,
        }));
    } else {
      options = valuesAt(schema, document, place.path).map((value) => ({
        label: JSON.stringify(value),
        apply: replaceToken(place.from, end, JSON.stringify(value)),
        type: typeof value === "string" ? "enum" : "keyword",
      }));
    }
    if (options.length === 0) return null;
    // Filtering reads the text after the opening quote, so "ser matches servers.
    return { from: place.from + (quoted ? 1 : 0), options, validFor: /^[\w$-]*$/ };
  };
}
