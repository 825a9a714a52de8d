/** Every document kind, by descriptor: the only place they are enumerated. */

import { comparisonDocument } from "./comparison-document";
import type { DocumentOf, OutputOf } from "./document-kind";
import { programDocument } from "./program-document";
import { scenarioDocument } from "./scenario-document";

export const documentKinds = [scenarioDocument, programDocument, comparisonDocument] as const;

/** A parsed document: `{ kind, value }` for one of the kinds. */
export type Document = DocumentOf<(typeof documentKinds)[number]>;

/** What running a document gives: `{ kind, output }`, a Result for a scenario. */
export type DocumentOutput = OutputOf<(typeof documentKinds)[number]>;
