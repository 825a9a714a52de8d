// Programs as a document kind: validated like scenarios, every problem with its JSON path and a sentence to act on.
import { describe, expect, test } from "vitest";
import { parseDocument } from "../../../packages/sim-core/src/documents/parse-document";
import { documentHash, documentName } from "../../../packages/sim-core/src/documents/run-document";
import { programJsonSchema } from "../../../packages/sim-core/src/explorer/program-json-schema";

const lostUpdate = {
  version: 1,
  kind: "program",
  name: "lost update",
  shared: { counter: 0 },
  threads: [
    {
      name: "A",
      steps: [
        { load: "counter", into: "r" },
        { let: "r", value: "r + 1" },
        { store: "counter", value: "r" },
      ],
    },
    { name: "B", copy: "A" },
  ],
  check: { final: "counter == 2" },
};

function problems(input: unknown) {
  const parsed = parseDocument(input);
  if (parsed.ok) throw new Error("expected problems");
  return parsed.problems.map((p) => [p.path, p.code, p.message]);
}

describe("program documents", () => {
  test('a document with "kind": "program" is a program, with defaults filled in', () => {
    const parsed = parseDocument(lostUpdate);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.document.kind).toBe("program");
    if (parsed.document.kind !== "program") return;
    expect(parsed.document.value.memoryModel).toBe("sc");
    expect(parsed.document.value.search).toMatchObject({
      strategy: "exhaustive",
      reduction: "dpor",
      preemptions: 2,
    });
    expect(documentName(parsed.document)).toBe("lost update");
  });

  test("the same program written differently hashes the same", () => {
    const reordered = JSON.parse(
      JSON.stringify({ ...lostUpdate, memoryModel: "sc", check: lostUpdate.check }),
    );
    const a = parseDocument(lostUpdate);
    const b = parseDocument({ check: reordered.check, ...reordered });
    if (!a.ok || !b.ok) throw new Error("should parse");
    expect(documentHash(a.document)).toBe(documentHash(b.document));
    const c = parseDocument({ ...lostUpdate, memoryModel: "tso" });
    if (!c.ok) throw new Error("should parse");
    expect(documentHash(c.document)).not.toBe(documentHash(a.document));
  });

  test("every problem is listed at once, each at its path with a sentence saying what to do", () => {
    const bad = {
      version: 1,
      kind: "program",
      memoryModel: "tsx",
      shared: { counter: 0 },
      threads: [
        {
          name: "A",
          steps: [
            { lod: "counter", into: "r" },
            { load: "countr", into: "r" },
            { store: "counter", value: "counter + 1" },
            { let: "r", value: "r +" },
            // biome-ignore lint/suspicious/noThenProperty: the `if` step names its branch `then`.
            { if: "q == 1", then: [{ yield: true }] },
            { acquire: "s" },
          ],
        },
        { name: "B", copy: "C" },
        { name: "A", copy: "A" },
      ],
      check: { final: "count == 2" },
    };
    const found = problems(bad);
    expect(found.map(([path, code]) => `${path} ${code}`)).toEqual([
      "memoryModel scenario.value",
      "threads[0].steps[0] program.step",
      "threads[1].copy program.unknown-thread",
      "threads[2].name program.duplicate-thread",
      "threads[0].steps[1].load program.unknown-variable",
      "threads[0].steps[2].value program.shared-in-expression",
      "threads[0].steps[3].value program.expression",
      "threads[0].steps[4].if program.unknown-register",
      "threads[0].steps[5].acquire program.unknown-semaphore",
      "check.final program.unknown-variable",
    ]);
    const message = (path: string) => found.find(([p]) => p === path)![2];
    expect(message("threads[0].steps[0]")).toContain('Did you mean "load"?');
    expect(message("threads[0].steps[1].load")).toContain('Did you mean "counter"?');
    expect(message("threads[0].steps[2].value")).toContain(
      'Load it first, e.g. { "load": "counter", "into": "r" }',
    );
    expect(message("threads[0].steps[3].value")).toContain("it ends where a value was expected");
  });

  test("an expression that is JavaScript, not syslab, is refused", () => {
    const js = { ...lostUpdate, check: { final: "process.exit(1)" } };
    expect(problems(js)).toEqual([
      ["check.final", "program.expression", expect.stringContaining('"." at position 8 is not allowed')],
    ]);
  });

  test("the JSON Schema describes programs and their steps", () => {
    const schema = programJsonSchema as {
      properties: Record<string, unknown>;
      $defs: Record<string, unknown>;
    };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["kind", "memoryModel", "shared", "threads", "check", "search"]),
    );
    expect(JSON.stringify(schema.$defs.ProgramStep)).toContain("fetchAdd");
  });
});
