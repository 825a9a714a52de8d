// Pins the public surface of @syslab/sim-core: adding or removing an export must change this list on purpose.
import * as core from "@syslab/sim-core";
import { expect, test } from "vitest";

test("the package exports exactly its declared surface", () => {
  expect(Object.keys(core).sort()).toEqual([
    "DEFAULT_LIMITS",
    "ENGINE_VERSION",
    "SyslabError",
    "canonicalDocument",
    "canonicalScenario",
    "catalogueError",
    "catalogueMessage",
    "chromeTrace",
    "compare",
    "compareWith",
    "documentHash",
    "documentName",
    "errorCatalogue",
    "inputShapeProblems",
    "isReplicated",
    "keyPlacement",
    "parseDocument",
    "parseDuration",
    "parsePath",
    "parseScenario",
    "programJsonSchema",
    "replicationSeed",
    "runDocument",
    "runReplications",
    "runReplicationsWith",
    "runScenario",
    "scenarioHash",
    "scenarioJsonSchema",
    "simulate",
    "sweep",
    "sweepVariant",
  ]);
});

test("ENGINE_VERSION is a semantic version", () => {
  expect(core.ENGINE_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
});
