/**
 * Reads a scenario as a user wrote it: validates it, reporting every problem at once (each with
 * its JSON path, code and a sentence saying what to do), or returns the normalized Scenario.
 */
import { catalogueMessage } from "../errors/catalogue";
import type { Problem } from "../errors/problem";
import type { Scenario } from "./model";
import { problemsFromIssues, unknownKeyMessage } from "./problems-from-issues";
import { referenceProblems } from "./references";
import { scenarioSchema } from "./schema";
import { showValue } from "./show-value";

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

export function parseScenario(input: unknown): ParseResult {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    const message = catalogueMessage("scenario.not-object", { got: showValue(input) });
    return { ok: false, problems: [{ path: "", code: "scenario.not-object", message }] };
  }
  const parsed = scenarioSchema.safeParse(input, { reportInput: true, error: unknownKeyMessage });
  const problems = distinct([
    ...(parsed.success ? [] : problemsFromIssues(parsed.error.issues)),
    ...referenceProblems(input),
  ]);
  if (parsed.success && problems.length === 0) return { ok: true, scenario: parsed.data };
  return { ok: false, problems };
}

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
