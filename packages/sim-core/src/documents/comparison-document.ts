/**
 * A paired comparison as a document kind: `{ "version": 1, "kind": "comparison", "a": scenario,
 * "b": scenario }`, run by run/compare.ts. Stored, hashed and run like any document, so the API
 * keeps comparisons as it keeps runs. Its canonical form holds both sides as they are paired (side
 * a's seed and one replication count on both), so two ways of writing the same pair hash the same.
 */
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import { catalogueMessage } from "../errors/catalogue";
import type { Problem } from "../errors/problem";
import { SyslabError } from "../errors/syslab-error";
import { type ComparisonResult, comparePaired, comparisonScenarios } from "../run/compare";
import { canonicalScenario } from "../scenario/canonical";
import type { Scenario } from "../scenario/model";
import { showValue } from "../scenario/show-value";
import type { DocumentKind } from "./document-kind";

export interface Comparison {
  name?: string;
  a: Scenario;
  b: Scenario;
}

const FIELDS = ["version", "kind", "name", "a", "b"];

export const comparisonDocument: DocumentKind<"comparison", Comparison, ComparisonResult> = {
  kind: "comparison",
  parse(input) {
    const document = input as Record<string, unknown>;
    const problems: Problem[] = [];
    const report = (path: string, detail: string) =>
      problems.push({
        path,
        code: "document.comparison",
        message: catalogueMessage("document.comparison", { detail }),
      });
    if (document.version !== 1) report("version", `"version" must be 1; got ${showValue(document.version)}.`);
    if (document.name !== undefined && typeof document.name !== "string")
      report("name", `"name" is a title, a string; got ${showValue(document.name)}.`);
    for (const key of Object.keys(document)) {
      if (!FIELDS.includes(key))
        report(key, `"${key}" is not a field of a comparison; it has "a", "b" and an optional "name".`);
    }
    for (const side of ["a", "b"]) {
      if (document[side] === undefined) report(side, `scenario "${side}" is missing.`);
    }
    if (problems.length > 0) return { ok: false, problems };
    try {
      const { a, b } = comparisonScenarios(document.a, document.b);
      return {
        ok: true,
        value: { ...(typeof document.name === "string" ? { name: document.name } : {}), a, b },
      };
    } catch (error) {
      if (error instanceof SyslabError) return { ok: false, problems: error.problems };
      throw error;
    }
  },
  canonical: (comparison) => ({
    kind: "comparison",
    ...(comparison.name === undefined ? {} : { name: comparison.name }),
    a: canonicalScenario(comparison.a),
    b: canonicalScenario(comparison.b),
  }),
  hash: (comparison) =>
    bytesToHex(sha256(utf8ToBytes(JSON.stringify(comparisonDocument.canonical(comparison))))),
  name: (comparison) => comparison.name ?? `${comparison.a.name ?? "a"} vs ${comparison.b.name ?? "b"}`,
  run: (comparison, options) => comparePaired(comparison.a, comparison.b, options),
};
