/**
 * The public surface of @syslab/sim-core. Apps import only from here; test/sim-core/index.test.ts
 * pins this export list so that a change to it is a visible decision.
 *
 * The main entry points: `parseDocument` reads any document (a scenario, or another kind named
 * by its `kind`) and `runDocument` runs it — what the command line, the API and the docs worker
 * use. For scenarios alone: `simulate(input)` validates and runs one (throwing SyslabError with
 * every problem listed); `parseScenario` and `runScenario` do the two halves; `sweep` runs one
 * scenario over a list of values for one field; `scenarioJsonSchema` describes the input, and
 * `programJsonSchema` a program (the explorer's document, `"kind": "program"`). `keyPlacement` says
 * which backend a hash balancer sends each key to, for figures of the algorithm that need no run.
 */

export { keyPlacement } from "./balancers/key-placement";
export type { Document, DocumentOutput } from "./documents/document-kinds";
export { type ParsedDocument, parseDocument } from "./documents/parse-document";
export { canonicalDocument, documentHash, documentName, runDocument } from "./documents/run-document";
export { catalogueError, catalogueMessage, type ErrorCode, errorCatalogue } from "./errors/catalogue";
export type { Problem } from "./errors/problem";
export { SyslabError } from "./errors/syslab-error";
export type * from "./explorer/explorer-result";
export { programJsonSchema } from "./explorer/program-json-schema";
export type * from "./explorer/program-model";
export type * from "./result/model";
export { type ChromeTrace, type ChromeTraceEvent, chromeTrace } from "./run/chrome-trace";
export {
  type ComparisonResult,
  compare,
  compareWith,
  type Difference,
} from "./run/compare";
export { DEFAULT_LIMITS } from "./run/limits";
export {
  isReplicated,
  type ReplicationRunner,
  replicationSeed,
  runReplications,
  runReplicationsWith,
} from "./run/replications";
export type { Progress, RunOptions } from "./run/run-options";
export { runScenario } from "./run/run-scenario";
export { simulate } from "./run/simulate";
export { type SweepResult, type SweepValue, sweep, sweepVariant } from "./run/sweep";
export { canonicalScenario, scenarioHash } from "./scenario/canonical";
export { parseDuration } from "./scenario/duration";
export { inputShapeProblems } from "./scenario/input-shape";
export { type PathSegment, parsePath } from "./scenario/json-path";
export { scenarioJsonSchema } from "./scenario/json-schema";
export type * from "./scenario/model";
export { type ParseResult, parseScenario } from "./scenario/parse-scenario";
export { ENGINE_VERSION } from "./version";
