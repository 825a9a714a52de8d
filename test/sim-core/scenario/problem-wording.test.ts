import { expect, test } from "vitest";
import { parseScenario } from "../../../packages/sim-core/src/scenario/parse-scenario";
import { designFull, tandem } from "./scenario-fixtures";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value in a JSON document, with the value there. */
function leaves(value: Json, path: (string | number)[] = []): (string | number)[][] {
  const here = path.length > 0 ? [path] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => leaves(item, [...path, i]))];
  if (value !== null && typeof value === "object") {
    return [...here, ...Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]))];
  }
  return here;
}

function replaced(document: Json, path: (string | number)[], value: unknown): Json {
  const copy = structuredClone(document);
  let node = copy as Record<string | number, Json>;
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, Json>;
  node[path[path.length - 1]!] = value as Json;
  return copy;
}

// zod's own messages open like this; none may reach a user.
const ZOD_WORDING = /Invalid input|Invalid option|Too (small|big)|Unrecognized key|expected .*, received/;
const WRONG_VALUES = [null, "x", -1, 1.5, {}, [], true, "5 sec"];

test("any field given a wrong value yields problems in syslab's words, each with a path, and never throws", () => {
  let checked = 0;
  for (const document of [tandem(), designFull] as Json[]) {
    for (const path of leaves(document)) {
      for (const value of WRONG_VALUES) {
        const parsed = parseScenario(replaced(document, path, value));
        if (parsed.ok) continue; // some wrong-looking values are fine in some places (a name "x")
        checked++;
        for (const problem of parsed.problems) {
          expect(problem.message, JSON.stringify({ path, value })).not.toMatch(ZOD_WORDING);
          expect(problem.message, JSON.stringify({ path, value })).toMatch(/^[^a-z].*[.?]$/s);
          expect(problem.code).toMatch(/^scenario\./);
          expect(problem.path.length).toBeGreaterThan(0);
        }
      }
    }
  }
  expect(checked).toBeGreaterThan(300);
});
