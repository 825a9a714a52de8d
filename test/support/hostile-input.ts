// Hostile documents for property tests of the API and the command line: deep nesting, huge
// strings and numbers, wrong types, reserved keys, invalid UTF-8 and random JSON. Most are planted
// in a real example scenario, so that they get past the first checks and reach the deep ones.

import fc from "fast-check";
import { at, exampleScenarios, type Json, type Path, paths } from "./example-documents";

export interface HostileDocument {
  /** What kind of hostility this is, for the failure message. */
  kind: string;
  /** The document as sent or written to a file: mostly UTF-8 JSON, sometimes neither. */
  bytes: Uint8Array;
}

function objectPaths(document: Json): Path[] {
  const found = paths(document).filter((path) => {
    const node = at(document, path);
    return node !== null && typeof node === "object" && !Array.isArray(node);
  });
  return [[], ...found];
}

const HOLE = "@@hostile-value@@";

/** The document's JSON with the value at `path` replaced by the raw JSON text `valueText`. */
function planted(document: Json, path: Path, valueText: string): string {
  const copy = structuredClone(document);
  const parent = at(copy, path.slice(0, -1)) as Record<string | number, Json>;
  parent[path[path.length - 1]!] = HOLE;
  return JSON.stringify(copy).replace(JSON.stringify(HOLE), () => valueText);
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Sizes spread evenly over orders of magnitude: mostly modest, now and then past a body limit. */
const size = (min: number, max: number) =>
  fc.double({ min: Math.log10(min), max: Math.log10(max), noNaN: true }).map((e) => Math.round(10 ** e));

// Raw JSON texts to plant, each of them hostile in its own way.
const nested = fc
  .tuple(
    size(1, 60_000),
    fc.constantFrom<[string, string]>(["[", "]"], ['{"a":', "}"], ['[{"call":"web","steps":', "}]"]),
  )
  .map(([depth, [open, close]]) => ({
    kind: `nested ${depth} deep`,
    text: `${open.repeat(depth)}1${close.repeat(depth)}`,
  }));

const hugeString = fc
  .tuple(size(1_000, 400_000), fc.constantFrom("x", "é", "\\u0000", "\\ud800", "\\\\", '\\"', "<script>"))
  .map(([length, unit]) => ({
    kind: `string of ${length} × ${unit}`,
    text: `"${unit.repeat(Math.ceil(length / unit.length))}"`,
  }));

const hugeNumber = fc
  .oneof(
    fc.constantFrom(
      "1e400",
      "-1e400",
      "1e-400",
      "2e308",
      "-0",
      "9007199254740993",
      "123456789012345678901234567890",
    ),
    size(20, 300_000).map((digits) => "9".repeat(digits)),
    size(20, 300_000).map((digits) => `0.${"0".repeat(digits)}1`),
  )
  .map((text) => ({ kind: `number ${text.slice(0, 30)}`, text }));

// Numbers a schema accepts that ask the engine for a lot: counts, rates and durations at the edges.
const extremeNumber = fc
  .constantFrom(0, 1, -1, 0.5, 2 ** 31, 2 ** 32, 2 ** 53, 1e9, 1e15, 1e300, Number.MIN_VALUE, 4096, 1024)
  .map((n) => ({ kind: `extreme ${n}`, text: JSON.stringify(n) }));

const wrongType = fc
  .jsonValue({ maxDepth: 4 })
  .map((value) => ({ kind: "random JSON value", text: JSON.stringify(value) ?? "null" }));

const plantedValue = fc.oneof(
  { weight: 3, arbitrary: nested },
  { weight: 2, arbitrary: hugeString },
  { weight: 2, arbitrary: hugeNumber },
  { weight: 3, arbitrary: extremeNumber },
  { weight: 3, arbitrary: wrongType },
);

/** An example with one value (anywhere in it) replaced by a hostile one. */
function plantedIn(examples: Json[]): fc.Arbitrary<HostileDocument> {
  return fc
    .constantFrom(...examples)
    .chain((document) => fc.tuple(fc.constant(document), fc.constantFrom(...paths(document)), plantedValue))
    .map(([document, path, value]) => ({
      kind: `${value.kind} at ${path.join(".")}`,
      bytes: utf8(planted(document, path, value.text)),
    }));
}

const RESERVED = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"];

/** An example with a key JavaScript treats specially added to one of its objects. */
function reservedKeyIn(examples: Json[]): fc.Arbitrary<HostileDocument> {
  return fc
    .constantFrom(...examples)
    .chain((document) =>
      fc.tuple(
        fc.constant(document),
        fc.constantFrom(...objectPaths(document)),
        fc.constantFrom(...RESERVED),
        fc.jsonValue({ maxDepth: 3 }),
      ),
    )
    .map(([document, path, key, value]) => {
      const copy = structuredClone(document);
      // Defined, so that "__proto__" becomes an own key that JSON.stringify writes out.
      Object.defineProperty(at(copy, path), key, {
        value,
        enumerable: true,
        configurable: true,
        writable: true,
      });
      return { kind: `key ${key} at ${path.join(".") || "the top"}`, bytes: utf8(JSON.stringify(copy)) };
    });
}

const BAD_UTF8 = [[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf], [0x80]];

/** An example with bytes that are not UTF-8 spliced in somewhere. */
function invalidUtf8In(examples: Json[]): fc.Arbitrary<HostileDocument> {
  return fc
    .constantFrom(...examples)
    .chain((document) => {
      const bytes = utf8(JSON.stringify(document));
      return fc.tuple(fc.constant(bytes), fc.nat({ max: bytes.length }), fc.constantFrom(...BAD_UTF8));
    })
    .map(([bytes, position, bad]) => ({
      kind: `bytes ${bad.map((b) => b.toString(16)).join(" ")} at ${position}`,
      bytes: new Uint8Array([...bytes.subarray(0, position), ...bad, ...bytes.subarray(position)]),
    }));
}

/** Documents that are not scenarios at all: random JSON, random text, nothing. */
const notAScenario: fc.Arbitrary<HostileDocument> = fc.oneof(
  fc.jsonValue().map((value) => ({ kind: "random JSON", bytes: utf8(JSON.stringify(value) ?? "null") })),
  fc.string({ unit: "binary", maxLength: 2_000 }).map((text) => ({ kind: "random text", bytes: utf8(text) })),
  fc.uint8Array({ maxLength: 2_000 }).map((bytes) => ({ kind: "random bytes", bytes })),
  nested.map(({ kind, text }) => ({ kind: `whole document ${kind}`, bytes: utf8(text) })),
  fc.constantFrom("", " ", "null", "[]", "{}", '"scenario"', "1e400", "{".repeat(10)).map((text) => ({
    kind: `literal ${JSON.stringify(text)}`,
    bytes: utf8(text),
  })),
);

/** Any hostile document, weighted towards those planted in real examples. */
export function hostileDocument(examples: Json[] = exampleScenarios()): fc.Arbitrary<HostileDocument> {
  return fc.oneof(
    { weight: 6, arbitrary: plantedIn(examples) },
    { weight: 2, arbitrary: reservedKeyIn(examples) },
    { weight: 1, arbitrary: invalidUtf8In(examples) },
    { weight: 2, arbitrary: notAScenario },
  );
}
