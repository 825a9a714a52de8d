/**
 * Reads a scenario as a user wrote it: validates it, reporting every problem at once (each with
 * its JSON path, code and a sentence saying what to do), or returns the normalized Scenario.
 */
import type { AnyComponentKind } from "../component/component-kind";
import { componentKinds } from "../component-kinds";
import { catalogueMessage } from "../errors/catalogue";
import type { Problem } from "../errors/problem";
import type { Scenario } from "./model";
import { problemsFromIssues, unknownKeyMessage } from "./problems-from-issues";
import { referenceProblems } from "./references";
import { scenarioSchemaOf } from "./schema";
import { showValue } from "./show-value";

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

/** The parser for scenarios whose components are of these kinds. */
export function createScenarioParser(kinds: readonly AnyComponentKind[]): (input: unknown) => ParseResult {
  const schema = scenarioSchemaOf(kinds);
  return (input) => {
    if (input === null || typeof input !== "object" || Array.isArray(input)) {
      const message = catalogueMessage("scenario.not-object", { got: showValue(input) });
      return { ok: false, problems: [{ path: "", code: "scenario.not-object", message }] };
    }
    const parsed = schema.safeParse(input, { reportInput: true, error: unknownKeyMessage });
    const problems = distinct([
      ...(parsed.success ? [] : problemsFromIssues(parsed.error.issues)),
      ...referenceProblems(input, kinds),
    ]);
    if (parsed.success && problems.length === 0) return { ok: true, scenario: parsed.data };
    return { ok: false, problems };
  };
}

export const parseScenario = createScenarioParser(componentKinds);

// A union can report the same problem from two routes; each is listed once.
function distinct(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\n${p.code}\n${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
