/** Runs a scenario and checks Little's law on its result, so every validation run checks it. */
import { type Result, type RunOptions, runScenario, type Scenario } from "@syslab/sim-core";
import { expectLittlesLaw } from "./littles-law";

export function runChecked(scenario: Scenario, options?: RunOptions): Result {
  const result = runScenario(scenario, options);
  expectLittlesLaw(result);
  return result;
}
