import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { scenarioJsonSchema } from "../../../packages/sim-core/src/scenario/json-schema";
import { designMmc } from "./scenario-fixtures";

// biome-ignore lint/suspicious/noExplicitAny: a walk over untyped JSON Schema, checked by the assertions
type Schema = Record<string, any>;

const root = scenarioJsonSchema as Schema;
const defs = root.$defs as Record<string, Schema>;

/** Follows a local $ref. */
function deref(schema: Schema): Schema {
  if (typeof schema.$ref !== "string") return schema;
  const name = schema.$ref.replace("#/$defs/", "");
  const target = defs[name];
  if (target === undefined) throw new Error(`dangling $ref ${schema.$ref}`);
  return deref(target);
}

/**
 * A small structural check of a value against the schema: types, required and allowed keys,
 * const and enum values, string patterns, anyOf/oneOf. Enough to show that the examples and
 * the schema agree; the zod schema remains the validator.
 */
function matches(value: unknown, schemaIn: Schema): boolean {
  const schema = deref(schemaIn);
  const options = schema.anyOf ?? schema.oneOf;
  if (options !== undefined) return (options as Schema[]).some((option) => matches(value, option));
  if (schema.const !== undefined && value !== schema.const) return false;
  if (schema.enum !== undefined && !(schema.enum as unknown[]).includes(value)) return false;
  const types: string[] | undefined = schema.type === undefined ? undefined : [schema.type].flat();
  if (types !== undefined && !types.some((type) => hasType(value, type))) return false;
  if (typeof value === "string" && schema.pattern !== undefined && !new RegExp(schema.pattern).test(value))
    return false;
  if (Array.isArray(value)) {
    if (schema.prefixItems !== undefined) {
      return (schema.prefixItems as Schema[]).every((item, i) => matches(value[i], item));
    }
    return schema.items === undefined || value.every((item) => matches(item, schema.items));
  }
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of schema.required ?? []) if (!(key in record)) return false;
    for (const [key, field] of Object.entries(record)) {
      const fieldSchema =
        properties[key] ?? (schema.additionalProperties === false ? undefined : schema.additionalProperties);
      if (fieldSchema === undefined) {
        if (schema.additionalProperties === false) return false;
        continue;
      }
      if (!matches(field, fieldSchema)) return false;
    }
  }
  return true;
}

function hasType(value: unknown, type: string): boolean {
  if (type === "integer") return Number.isInteger(value);
  if (type === "array") return Array.isArray(value);
  if (type === "object") return value !== null && typeof value === "object" && !Array.isArray(value);
  if (type === "null") return value === null;
  return typeof value === type;
}

const examplesDir = join(import.meta.dirname, "../../../examples");
const exampleFiles = readdirSync(examplesDir).filter((f) => f.endsWith(".json"));

describe("scenarioJsonSchema", () => {
  test("is draft 2020-12, an object with the scenario's fields, the required ones required", () => {
    expect(root.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(root.type).toBe("object");
    expect(root.additionalProperties).toBe(false);
    expect(Object.keys(root.properties)).toEqual(
      expect.arrayContaining([
        "version",
        "name",
        "description",
        "seed",
        "run",
        "workload",
        "entry",
        "components",
      ]),
    );
    expect([...root.required].sort()).toEqual(["components", "entry", "run", "version", "workload"]);
  });

  test("describes the input format: durations as numbers or unit strings, defaults shown", () => {
    const duration = defs.Duration!;
    expect(duration.anyOf).toEqual([
      { type: "number", minimum: 0 },
      { type: "string", pattern: expect.any(String) },
    ]);
    expect(root.properties.seed.default).toBe(1);
    const station =
      deref(root.properties.components.additionalProperties).oneOf?.[0] ??
      deref(root.properties.components.additionalProperties).anyOf?.[0];
    expect(station.properties.servers.default).toBe(1);
    expect(station.properties.discipline.enum).toEqual(["fcfs", "lifo", "priority", "deadline", "ps"]);
  });

  test("every field has a description (the docs' scenario reference is built from them)", () => {
    const missing: string[] = [];
    const visit = (schema: Schema, path: string) => {
      for (const [key, field] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
        const inner = field.$ref !== undefined && field.description === undefined ? deref(field) : field;
        const isDiscriminator = inner.const !== undefined && ["type", "process", "kind"].includes(key);
        if (inner.description === undefined && !isDiscriminator) missing.push(`${path}.${key}`);
        visit(field, `${path}.${key}`);
      }
      for (const option of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])] as Schema[])
        visit(option, path);
      if (schema.items !== undefined) visit(schema.items, `${path}[]`);
      if (typeof schema.additionalProperties === "object") visit(schema.additionalProperties, `${path}.*`);
    };
    visit(root, "");
    for (const [name, def] of Object.entries(defs)) visit(def, `$defs.${name}`);
    expect(missing).toEqual([]);
  });

  test("DESIGN.md's smallest scenario and every example match it", () => {
    expect(matches(designMmc, root)).toBe(true);
    expect(exampleFiles.length).toBeGreaterThanOrEqual(10);
    for (const file of exampleFiles) {
      const example = JSON.parse(readFileSync(join(examplesDir, file), "utf8"));
      expect(matches(example, root), file).toBe(true);
    }
  });

  test("and it rejects what the validator rejects: a unitless string, an unknown field, a bad discipline", () => {
    const broken = [
      { ...designMmc, run: { duration: "5" } },
      { ...designMmc, colour: "red" },
      { ...designMmc, components: { q: { type: "station", discipline: "random" } } },
    ];
    for (const scenario of broken) expect(matches(scenario, root)).toBe(false);
  });
});
