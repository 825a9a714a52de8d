// Every whole-number field of every example set to a billion: the validator refuses it, or the run
// allocates lazily and ends within its limits. A field that sizes an array when a run starts must
// carry a bound, because V8 aborts the whole process on a table too large, which no try/catch and
// no worker resource limit survives (the hostile-input property test found one such field).

import { parseScenario, runScenario, SyslabError } from "@syslab/sim-core";
import { describe, expect, it } from "vitest";
import { at, exampleScenarios, type Json, type Path, paths } from "../../support/example-documents";

const HUGE = 1_000_000_000;
const limits = { maxWallTime: 2, maxEvents: 2_000_000, maxInFlight: 100_000 };

interface Probe {
  field: string;
  document: Json;
}

/** One probe per component kind and field (the first example that has it): the same code runs for the rest. */
function probes(): Probe[] {
  const found = new Map<string, Probe>();
  for (const example of exampleScenarios()) {
    for (const path of paths(example)) {
      const value = at(example, path);
      if (typeof value !== "number" || !Number.isInteger(value)) continue;
      const document = withValue(example, path, HUGE);
      if (!parseScenario(document).ok) continue;
      const field = fieldName(example, path);
      if (!found.has(field)) found.set(field, { field, document });
    }
  }
  return [...found.values()];
}

function withValue(document: Json, path: Path, value: number): Json {
  const copy = structuredClone(document);
  (at(copy, path.slice(0, -1)) as Record<string | number, Json>)[path.at(-1)!] = value;
  return copy;
}

/** "server: architecture.threads" for a component's field, "workload.arrival.rate" for the rest. */
function fieldName(document: Json, path: Path): string {
  const named = path.filter((segment): segment is string => typeof segment === "string");
  if (named[0] !== "components") return named.join(".");
  const type = (at(document, path.slice(0, 2)) as { type: string }).type;
  return `${type}: ${named.slice(2).join(".")}`;
}

describe("whole-number fields set to a billion", () => {
  const all = probes();

  it("reach the engine for the fields the examples hold (the probe has material)", () => {
    expect(all.length).toBeGreaterThan(15);
  });

  it.each(all.map((probe) => [probe.field, probe] as const))("%s: refused or bounded", (_field, probe) => {
    const parsed = parseScenario(probe.document);
    if (!parsed.ok) throw new Error("the probe was built from accepted documents");
    try {
      const result = runScenario(parsed.scenario, { limits });
      expect(result.requests.completed).toBeGreaterThanOrEqual(0);
    } catch (error) {
      // Only a limit may stop it: an out-of-range allocation would surface as a RangeError here.
      expect(error).toBeInstanceOf(SyslabError);
    }
  });
});
