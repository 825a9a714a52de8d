/** Parse and run in one call: what the command line, the API's workers and the docs widgets use. */
import { catalogueError } from "../errors/catalogue";
import type { Result } from "../result/model";
import { parseScenario } from "../scenario/parse-scenario";
import { runScenarioOrReplications } from "./replications";
import type { RunOptions } from "./run-options";

/**
 * Runs a scenario as a user wrote it. Throws a SyslabError: `scenario.invalid` listing every
 * problem when it does not validate (replicated when the run asks for replications), or a `limit.*` error when the run goes out of bounds.
 */
export function simulate(input: unknown, options?: RunOptions): Result {
  const parsed = parseScenario(input);
  if (!parsed.ok)
    throw catalogueError("scenario.invalid", { count: parsed.problems.length }, parsed.problems);
  return runScenarioOrReplications(parsed.scenario, options);
}
