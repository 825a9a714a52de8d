/** The scenario as a document kind: the document with no `kind`, simulated by the engine. */

import type { Result } from "../result/model";
import { runScenarioOrReplications } from "../run/replications";
import { canonicalScenario, scenarioHash } from "../scenario/canonical";
import type { Scenario } from "../scenario/model";
import { parseScenario } from "../scenario/parse-scenario";
import type { DocumentKind } from "./document-kind";

export const scenarioDocument: DocumentKind<"scenario", Scenario, Result> = {
  kind: "scenario",
  parse(input) {
    const parsed = parseScenario(input);
    return parsed.ok ? { ok: true, value: parsed.scenario } : parsed;
  },
  canonical: canonicalScenario,
  hash: scenarioHash,
  name: (scenario) => scenario.name,
  run: (scenario, options) => runScenarioOrReplications(scenario, options),
};
