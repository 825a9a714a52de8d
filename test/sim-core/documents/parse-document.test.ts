// Documents: every entry point reads one and dispatches on its kind in one place.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parseDocument } from "../../../packages/sim-core/src/documents/parse-document";
import {
  canonicalDocument,
  documentHash,
  documentName,
  runDocument,
} from "../../../packages/sim-core/src/documents/run-document";
import { simulate } from "../../../packages/sim-core/src/run/simulate";
import { scenarioHash } from "../../../packages/sim-core/src/scenario/canonical";
import { parseScenario } from "../../../packages/sim-core/src/scenario/parse-scenario";

const mm1 = JSON.parse(readFileSync(join(import.meta.dirname, "../../../examples/mm1.json"), "utf8"));

describe("documents", () => {
  test("a document without a kind is a scenario, run exactly as simulate runs it", () => {
    const parsed = parseDocument(mm1);
    if (!parsed.ok) throw new Error("mm1 should parse");
    expect(parsed.document.kind).toBe("scenario");
    const scenario = parseScenario(mm1);
    if (!scenario.ok) throw new Error("mm1 should parse");
    expect(documentHash(parsed.document)).toBe(scenarioHash(scenario.scenario));
    expect(documentName(parsed.document)).toBe(mm1.name);
    expect(JSON.stringify(canonicalDocument(parsed.document))).toContain('"components"');
    expect(runDocument(parsed.document)).toEqual({ kind: "scenario", output: simulate(mm1) });
  });

  test("an unknown kind is one problem at `kind`, saying how to write a scenario", () => {
    const parsed = parseDocument({ ...mm1, kind: "scenaro" });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([
      {
        path: "kind",
        code: "document.kind",
        message: expect.stringContaining('leave "kind" out for a scenario'),
      },
    ]);
    expect(parsed.problems[0]!.message).toMatch(/^"scenaro" is not a kind of document/);
  });

  test('"kind": "scenario" is refused too: a scenario is written without one', () => {
    const parsed = parseDocument({ ...mm1, kind: "scenario" });
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.code)).toEqual(["document.kind"]);
  });

  test("anything but an object is reported as a scenario would be", () => {
    const parsed = parseDocument([1, 2]);
    expect(parsed.ok ? [] : parsed.problems.map((p) => [p.path, p.code])).toEqual([
      ["", "scenario.not-object"],
    ]);
  });

  test("an invalid scenario lists every problem, as parseScenario does", () => {
    const broken = { ...mm1, entry: "nowhere", seed: -1 };
    const parsed = parseDocument(broken);
    const direct = parseScenario(broken);
    expect(parsed.ok || direct.ok).toBe(false);
    if (parsed.ok || direct.ok) return;
    expect(parsed.problems).toEqual(direct.problems);
    expect(parsed.problems.length).toBe(2);
  });
});
