import { expect, test } from "vitest";
import { pathSegments, setAtPath } from "../../../apps/api/src/sweeps/set-at-path";

test("paths split into keys and array indexes", () => {
  expect(pathSegments("workload.requests[0].steps[12].call")).toEqual([
    "workload",
    "requests",
    0,
    "steps",
    12,
    "call",
  ]);
});

test("setAtPath copies the document and replaces one value", () => {
  const doc = { a: { b: [{ c: 1 }, { c: 2 }] } };
  expect(setAtPath(doc, "a.b[1].c", 9)).toEqual({ a: { b: [{ c: 1 }, { c: 9 }] } });
  expect(doc.a.b[1]!.c).toBe(2);
  expect(setAtPath(doc, "a.x", 3)).toEqual({ a: { b: [{ c: 1 }, { c: 2 }], x: 3 } });
  expect(setAtPath(doc, "a.x.y", 3)).toBeUndefined();
});
