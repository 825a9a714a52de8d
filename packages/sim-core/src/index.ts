/**
 * The public surface of @syslab/sim-core. Apps import only from here; test/sim-core/index.test.ts
 * pins this export list so that a change to it is a visible decision.
 *
 * Planned surface (each helper fills its part; remove this note when complete):
 *   ENGINE_VERSION                     version.ts
 *   parseScenario(input)               scenario/parse-scenario.ts  → { ok, scenario } | { ok: false, problems }
 *   scenarioJsonSchema                 scenario/json-schema.ts
 *   canonicalScenario, scenarioHash    scenario/canonical.ts
 *   runScenario(scenario, options)     run/run-scenario.ts         → Result (throws SyslabError on limits)
 *   simulate(input, options)           run/simulate.ts             parse + run; throws SyslabError (code scenario.invalid)
 *   sweep(input, path, values, opts)   run/sweep.ts
 *   SyslabError, Problem, errorCatalogue
 *   types: Scenario, Result, RunOptions, Progress, Distribution, Step, …
 */

export { catalogueError, catalogueMessage, type ErrorCode, errorCatalogue } from "./errors/catalogue";
export type { Problem } from "./errors/problem";
export { SyslabError } from "./errors/syslab-error";
export type * from "./result/model";
export { DEFAULT_LIMITS } from "./run/limits";
export type { Progress, RunOptions } from "./run/run-options";
export { runScenario } from "./run/run-scenario";
export { simulate } from "./run/simulate";
export { type SweepResult, type SweepValue, sweep, sweepVariant } from "./run/sweep";
export { canonicalScenario, scenarioHash } from "./scenario/canonical";
export { parseDuration } from "./scenario/duration";
export { scenarioJsonSchema } from "./scenario/json-schema";
export type * from "./scenario/model";
export { type ParseResult, parseScenario } from "./scenario/parse-scenario";
export { ENGINE_VERSION } from "./version";
