// The published JSON Schema says what parseScenario says. Thousands of single-field mutations of
// the examples are validated by ajv (draft 2020-12) against scenarioJsonSchema and by
// parseScenario; they must agree, except where the validator applies a rule that spans fields in
// a way JSON Schema cannot state (each listed below with why).
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { componentKinds } from "../../../packages/sim-core/src/component-kinds";
import { scenarioJsonSchema } from "../../../packages/sim-core/src/scenario/json-schema";
import { parseScenario } from "../../../packages/sim-core/src/scenario/parse-scenario";
import { at, exampleScenarios, type Json, type Path, paths } from "../../support/example-documents";

/**
 * Problems JSON Schema cannot express: each relates a value to another part of the document, so
 * the schema checks each part alone and leaves the relation to the validator. A problem is matched
 * by its code and, where the code also covers rules the schema does state, by where it is found
 * and what it says.
 * Every other problem the validator finds, the schema must find too.
 */
const CROSS_FIELD: { code: string; at?: RegExp; says?: RegExp; why: string }[] = [
  {
    code: "scenario.unknown-component",
    why: "`entry`, a `call`, a pool's `target` name a key of `components`",
  },
  { code: "scenario.routing-cycle", why: "a cycle runs through the names components give each other" },
  { code: "scenario.step-not-here", why: "which steps run where depends on the component they run in" },
  { code: "scenario.call-needs-hold", why: "what a call needs depends on the kind of its target" },
  { code: "scenario.call-needs-steps", why: "what a call needs depends on the kind of its target" },
  { code: "scenario.call-extra", why: "what a call may carry depends on the kind of its target" },
  {
    code: "scenario.publish-not-broker",
    why: "a publish names a component, which must be of the broker kind",
  },
  {
    code: "scenario.publish-wait-exchange",
    why: "whether a publish may wait depends on the kind of the component it names",
  },
  {
    code: "scenario.exchange-queue-type",
    why: "an exchange's queues name components, which must be brokers or exchanges",
  },
  { code: "scenario.exchange-cycle", why: "a cycle runs through the names exchanges bind" },
  { code: "scenario.workers-not-broker", why: "workers name a component, which must be of the broker kind" },
  { code: "scenario.duplicate-name", why: "uniqueItems compares whole items, never one field of each" },
  { code: "scenario.capacity", why: "a station's capacity is bounded by its number of servers" },
  {
    code: "scenario.too-small",
    at: /\.clientConnections$/,
    says: /at least size/,
    why: "a bouncer accepts at least as many client connections as it has server connections",
  },
  {
    code: "scenario.too-small",
    at: /\.backoff\.cap$/,
    says: /at least base/,
    why: "a backoff's cap is at least its base, which may be the default",
  },
  {
    code: "scenario.too-large",
    at: /\.fanout\.wait$/,
    says: /at most count/,
    why: "a fan-out waits for at most as many answers as it sends calls",
  },
  {
    code: "scenario.rate-segments",
    at: /\.rate\[[1-9]\d*\]\.from$/,
    why: "each segment starts after the one before it",
  },
  {
    code: "scenario.arrival-trace",
    at: /\.arrivals\[[1-9]\d*\]$/,
    why: "each traced arrival comes no earlier than the one before it",
  },
  { code: "scenario.flash-crowd", at: /\.ramp$/, why: "a crowd's ramps fit in its own `for`" },
  { code: "scenario.unknown-class", why: "a trace's `class` names one of the request classes" },
  {
    code: "scenario.distribution-parameter",
    at: /\.(?:uniform|lognormal\.p99)$/,
    why: "a uniform's bounds in order, a lognormal's p99 above its median: one number bounded by another",
  },
];

function crossField(problem: { code: string; path: string; message: string }): boolean {
  return CROSS_FIELD.some(
    (rule) =>
      rule.code === problem.code &&
      (rule.at?.test(problem.path) ?? true) &&
      (rule.says?.test(problem.message) ?? true),
  );
}

const examples = exampleScenarios();
const ajv = new Ajv2020({ strict: false, allErrors: false });
const schemaAccepts = ajv.compile(scenarioJsonSchema);

// Values a field may be given by mistake or on purpose, of every type and at the edges of each.
const VALUES: Json[] = [
  null,
  true,
  false,
  0,
  1,
  -1,
  0.5,
  1.5,
  2,
  100,
  1e9,
  2 ** 32,
  -0.001,
  "",
  "x",
  "0",
  "0s",
  "0ms",
  "1ms",
  "5ms",
  "2s",
  "5 sec",
  "-1s",
  "1.5ms",
  "poisson",
  "station",
  "server",
  "pool",
  "fcfs",
  "ps",
  "thread-pool",
  "transaction",
  [],
  [1],
  ["1ms", "5ms"],
  ["5ms", "1ms"],
  [{ from: 0, rate: 1 }],
  [{ from: "1s", rate: 1 }],
  {},
  { exp: "1ms" },
  { exp: 0 },
  { uniform: ["1ms", "2ms"] },
  { lognormal: { median: "1ms", p99: "1ms" } },
  { erlang: { k: 2, mean: "1ms" } },
  { service: "1ms" },
  { cpu: "1ms" },
  { call: "q", hold: "1ms" },
];

const KEYS = [
  "servers",
  "capacity",
  "warmup",
  "duration",
  "requests",
  "arrival",
  "clients",
  "timeout",
  "hold",
  "steps",
  "queue",
  "clientConnections",
  "limits",
  "retry",
  "key",
  "colour",
];

type Mutation =
  | { op: "replace"; value: Json }
  | { op: "delete" }
  | { op: "add"; key: string; value: Json }
  | { op: "scale"; factor: number };

/** The document with one change at `path`. */
function mutated(document: Json, path: Path, mutation: Mutation): Json {
  const copy = structuredClone(document);
  const parent = at(copy, path.slice(0, -1)) as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  const node = parent[last]!;
  if (mutation.op === "replace") parent[last] = mutation.value;
  else if (mutation.op === "scale") parent[last] = typeof node === "number" ? node * mutation.factor : node;
  else if (mutation.op === "delete") {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else if (node !== null && typeof node === "object" && !Array.isArray(node)) {
    node[mutation.key] = mutation.value;
  } else {
    parent[last] = { [mutation.key]: mutation.value };
  }
  return copy;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...VALUES).map((value) => ({ op: "replace" as const, value })) },
  { weight: 2, arbitrary: fc.constant({ op: "delete" as const }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES))
      .map(([key, value]) => ({ op: "add" as const, key, value })),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(-1, 0, 0.5, 1.5, 1000).map((factor) => ({ op: "scale" as const, factor })),
  },
);

interface Mutant {
  path: Path;
  change: Mutation;
  value: Json;
}

/** One mutation of one of `documents`, at one of the paths `where` picks in it. */
function mutantOf(documents: Json[], where: (document: Json) => Path[]): fc.Arbitrary<Mutant> {
  return fc
    .constantFrom(...documents)
    .chain((document) => fc.tuple(fc.constant(document), fc.constantFrom(...where(document)), mutation))
    .map(([document, path, change]) => ({ path, change, value: mutated(document, path, change) }));
}

/** The names of a document's components of one kind. */
function componentsOfType(document: Json, type: string): string[] {
  const components = (document as { components?: Record<string, { type?: unknown }> }).components ?? {};
  return Object.keys(components).filter((name) => components[name]?.type === type);
}

interface Verdict {
  schema: boolean;
  parser: boolean;
  /** The validator's problems JSON Schema could have found too (none when it accepts). */
  stateable: string[];
}

function verdict(value: Json): Verdict {
  const parsed = parseScenario(value);
  const problems = parsed.ok ? [] : parsed.problems;
  return {
    schema: schemaAccepts(value) as boolean,
    parser: parsed.ok,
    stateable: [...new Set(problems.filter((p) => !crossField(p)).map((p) => `${p.code} at ${p.path}`))],
  };
}

/**
 * A verdict JSON Schema could have reached too, but did not: the schema refuses what the
 * validator accepts, or accepts a document the validator refuses for a reason it can state.
 */
function disagrees(v: Verdict): boolean {
  if (v.schema === v.parser) return false;
  return !v.schema || v.stateable.length > 0;
}

describe("scenarioJsonSchema and parseScenario", () => {
  test("agree on every example", () => {
    expect(examples.length).toBeGreaterThanOrEqual(30);
    for (const example of examples)
      expect(verdict(example)).toEqual({ schema: true, parser: true, stateable: [] });
  });

  /** Checks `runs` mutants and counts what they reached, so a test can show both sides were tried. */
  function checkParity(mutant: fc.Arbitrary<Mutant>, runs: number) {
    const seen = { agreed: 0, crossField: 0, invalid: 0, valid: 0 };
    fc.assert(
      fc.property(mutant, ({ path, change, value }) => {
        const v = verdict(value);
        if (disagrees(v)) {
          throw new Error(
            `${JSON.stringify(change)} at ${path.join(".")}: JSON Schema ${v.schema ? "accepts" : "rejects"}, ` +
              `parseScenario ${v.parser ? "accepts" : `rejects (${v.stateable.join("; ") || "cross-field only"})`}`,
          );
        }
        if (v.schema === v.parser) seen.agreed++;
        else seen.crossField++;
        if (v.parser) seen.valid++;
        else seen.invalid++;
      }),
      { numRuns: runs },
    );
    return seen;
  }

  test("agree on 5,000 single-field mutations anywhere in the examples, cross-field rules aside", () => {
    const seen = checkParity(
      mutantOf(examples, (document) => paths(document)),
      5_000,
    );
    // The mutations reach both sides of the line: many break the scenario, many do not, so both
    // directions (schema stricter, schema looser) are put to the test.
    expect(seen.invalid).toBeGreaterThan(1_500);
    expect(seen.valid).toBeGreaterThan(500);
    expect(seen.agreed).toBeGreaterThan(4_000);
  });

  test.each(componentKinds.map((kind) => kind.type))(
    "agree on 1,000 mutations inside %s components",
    (type) => {
      const hosts = examples.filter((document) => componentsOfType(document, type).length > 0);
      expect(hosts.length, `no example has a ${type} component`).toBeGreaterThan(0);
      const inside = (document: Json) =>
        componentsOfType(document, type).flatMap((name) => [
          ["components", name],
          ...paths(at(document, ["components", name]), ["components", name]),
        ]);
      const seen = checkParity(mutantOf(hosts, inside), 1_000);
      expect(seen.invalid).toBeGreaterThan(200);
      expect(seen.valid).toBeGreaterThan(50);
    },
  );
});
