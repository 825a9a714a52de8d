// Which part of a JSON Schema describes a place in a document: follows $ref, picks among oneOf / anyOf
// by the values the document already holds there (a component's "type", an architecture's "kind", a
// distribution's one key), and steps through properties, additionalProperties, prefixItems and items.

import type { PathSegment } from "@syslab/sim-core";

export type JsonSchema = { [keyword: string]: unknown };
export type { PathSegment };

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** The schema a local `$ref` ("#/$defs/Duration") points to, with the referring schema's own keywords on top. */
function dereference(root: JsonSchema, schema: JsonSchema, seen = 0): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/") || seen > 32) return schema;
  let target: unknown = root;
  for (const part of ref.slice(2).split("/")) {
    target = isObject(target) ? target[part.replaceAll("~1", "/").replaceAll("~0", "~")] : undefined;
  }
  if (!isObject(target)) return schema;
  const { $ref: _ref, ...own } = schema;
  // The referring schema's description says what this use of the type means: it wins.
  return { ...dereference(root, target, seen + 1), ...own };
}

/** The JSON type of a document value, as JSON Schema names it. */
function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function typeAllows(schema: JsonSchema, value: unknown): boolean {
  const declared = schema.type;
  if (declared === undefined) return true;
  const types = Array.isArray(declared) ? declared : [declared];
  const actual = jsonType(value);
  return types.includes(actual) || (actual === "integer" && types.includes("number"));
}

/** Whether `value` (possibly half-written) can still become an instance of `schema`'s shape. */
function fits(schema: JsonSchema, value: unknown): boolean {
  if (value === undefined) return true;
  if (schema.const !== undefined && !isObject(value) && value !== schema.const) return false;
  if (!typeAllows(schema, value)) return false;
  if (!isObject(value)) return true;
  const properties = isObject(schema.properties) ? schema.properties : {};
  for (const [key, child] of Object.entries(value)) {
    const property = properties[key];
    if (property === undefined) {
      // A key still being typed has no value yet: it says nothing about which alternative this is.
      if (child !== undefined && schema.additionalProperties === false) return false;
      continue;
    }
    // A discriminator the document already set ("type": "server") rules out the other alternatives.
    if (isObject(property) && property.const !== undefined && child !== undefined && child !== property.const)
      return false;
  }
  return true;
}

/**
 * The alternatives a schema offers for `value`: oneOf / anyOf flattened and dereferenced, keeping those
 * the value still fits. A schema without alternatives is its own only one.
 */
export function alternatives(root: JsonSchema, schema: JsonSchema, value: unknown): JsonSchema[] {
  const resolved = dereference(root, schema);
  const branches = [resolved.oneOf, resolved.anyOf].find(Array.isArray) as unknown[] | undefined;
  if (branches === undefined) return fits(resolved, value) ? [resolved] : [];
  const { oneOf: _oneOf, anyOf: _anyOf, ...outer } = resolved;
  return branches.filter(isObject).flatMap((branch) =>
    alternatives(
      root,
      {
        ...outer,
        ...branch,
        description: branch.description ?? outer.description,
        // A branch that narrows a few properties (a run's warm-up by its unit) keeps the others.
        ...(isObject(outer.properties) && isObject(branch.properties)
          ? { properties: { ...outer.properties, ...branch.properties } }
          : {}),
      },
      value,
    ),
  );
}

/** The document's value at `path`, or undefined where it has none. */
export function valueAt(document: unknown, path: readonly PathSegment[]): unknown {
  let at = document;
  for (const segment of path) {
    if (typeof segment === "number") at = Array.isArray(at) ? at[segment] : undefined;
    else at = isObject(at) ? at[segment] : undefined;
  }
  return at;
}

/** One step down: the schemas of the property or item `segment` of a value described by `schema`. */
function child(schema: JsonSchema, segment: PathSegment): JsonSchema | undefined {
  if (typeof segment === "number") {
    const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems[segment] : undefined;
    if (isObject(prefix)) return prefix;
    return isObject(schema.items) ? schema.items : undefined;
  }
  const property = isObject(schema.properties) ? schema.properties[segment] : undefined;
  if (isObject(property)) return property;
  return isObject(schema.additionalProperties) ? schema.additionalProperties : undefined;
}

/** Every schema that may describe the value at `path` of `document`, most specific alternatives first. */
export function schemasAt(root: JsonSchema, document: unknown, path: readonly PathSegment[]): JsonSchema[] {
  let current: JsonSchema[] = [root];
  for (let depth = 0; depth < path.length; depth++) {
    const here = valueAt(document, path.slice(0, depth));
    current = current
      .flatMap((schema) => alternatives(root, schema, here))
      .map((schema) => child(schema, path[depth]!))
      .filter((schema): schema is JsonSchema => schema !== undefined);
  }
  return current.flatMap((schema) => alternatives(root, schema, valueAt(document, path)));
}

export interface PropertyOffer {
  name: string;
  description: string | undefined;
  required: boolean;
  schema: JsonSchema;
}

/** The properties an object at `path` may have, from every alternative it still fits, in schema order. */
export function propertiesAt(
  root: JsonSchema,
  document: unknown,
  path: readonly PathSegment[],
): PropertyOffer[] {
  const offers = new Map<string, PropertyOffer>();
  for (const schema of schemasAt(root, document, path)) {
    if (!isObject(schema.properties)) continue;
    const required = Array.isArray(schema.required) ? schema.required : [];
    for (const [name, property] of Object.entries(schema.properties)) {
      if (!isObject(property) || offers.has(name) || name === "$schema") continue;
      const resolved = dereference(root, property);
      offers.set(name, {
        name,
        description: typeof resolved.description === "string" ? resolved.description : undefined,
        required: required.includes(name),
        schema: property,
      });
    }
  }
  return [...offers.values()];
}

/** The values a schema spells out for the place at `path`: consts, enums and booleans. */
export function valuesAt(root: JsonSchema, document: unknown, path: readonly PathSegment[]): unknown[] {
  const found: unknown[] = [];
  const add = (value: unknown) => {
    if (!found.some((v) => JSON.stringify(v) === JSON.stringify(value))) found.push(value);
  };
  // The value being written may not fit yet, so alternatives are taken as if it were absent.
  const parent = path.slice(0, -1);
  const last = path[path.length - 1];
  const candidates =
    last === undefined
      ? alternatives(root, root, undefined)
      : schemasAt(root, document, parent)
          .map((schema) => child(schema, last))
          .filter((schema): schema is JsonSchema => schema !== undefined)
          .flatMap((schema) => alternatives(root, schema, undefined));
  for (const schema of candidates) {
    if (schema.const !== undefined) add(schema.const);
    if (Array.isArray(schema.enum)) for (const value of schema.enum) add(value);
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (types.includes("boolean")) {
      add(true);
      add(false);
    }
  }
  return found;
}

/** What the schema says about the place at `path`: the first description found, and its default. */
export function describe(
  root: JsonSchema,
  document: unknown,
  path: readonly PathSegment[],
): { description: string; defaultValue?: unknown } | undefined {
  const parent = path.slice(0, -1);
  const last = path[path.length - 1];
  const direct =
    last === undefined
      ? [root]
      : schemasAt(root, document, parent)
          .map((schema) => child(schema, last))
          .filter((schema): schema is JsonSchema => schema !== undefined)
          .map((schema) => dereference(root, schema));
  for (const schema of [...direct, ...schemasAt(root, document, path)]) {
    if (typeof schema.description === "string") {
      return schema.default === undefined
        ? { description: schema.description }
        : { description: schema.description, defaultValue: schema.default };
    }
  }
  return undefined;
}
