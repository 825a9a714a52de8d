// Flattens a JSON Schema (draft 2020-12, as zod's toJSONSchema writes it) into the rows of the
// scenario reference: one row a field, with its path, type, default, description and example.

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  title?: string;
  examples?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
}

export interface FieldRow {
  path: string;
  type: string;
  required: boolean;
  defaultValue?: string;
  description?: string;
  constraints: string[];
  example?: string;
  /** Names of definitions this field refers to, linked from the page. */
  refs: string[];
}

export function refName(ref: string): string {
  return ref.split("/").pop() ?? ref;
}

/** A short type expression: "string | number", "array of Step", "\"fcfs\" | \"lifo\"". */
export function typeOf(schema: JsonSchema): string {
  if (schema.$ref) return refName(schema.$ref);
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  // With a type of its own, a schema's anyOf/oneOf/allOf only constrain it further (a run's
  // warm-up in the unit of its length); without one, they are its variants.
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const variants = schema.anyOf ?? schema.oneOf;
  if (types.length === 0 && variants) return [...new Set(variants.map(typeOf))].join(" | ");
  if (types.length === 0 && schema.allOf) return schema.allOf.map(typeOf).join(" & ");
  return (
    types
      .map((type) => {
        if (type === "array") {
          if (schema.prefixItems) return `[${schema.prefixItems.map(typeOf).join(", ")}]`;
          if (schema.items && !Array.isArray(schema.items)) return `array of ${typeOf(schema.items)}`;
          return "array";
        }
        if (
          type === "object" &&
          schema.additionalProperties &&
          typeof schema.additionalProperties === "object"
        ) {
          return `map of ${typeOf(schema.additionalProperties)}`;
        }
        return type;
      })
      .join(" | ") || "any"
  );
}

function constraintsOf(schema: JsonSchema): string[] {
  const out: string[] = [];
  if (schema.minimum !== undefined) out.push(`≥ ${schema.minimum}`);
  if (schema.exclusiveMinimum !== undefined) out.push(`> ${schema.exclusiveMinimum}`);
  if (schema.maximum !== undefined) out.push(`≤ ${schema.maximum}`);
  if (schema.exclusiveMaximum !== undefined) out.push(`< ${schema.exclusiveMaximum}`);
  if (schema.minItems !== undefined) out.push(`at least ${schema.minItems} item(s)`);
  if (schema.pattern) out.push(`matches ${schema.pattern}`);
  return out;
}

function refsOf(schema: JsonSchema): string[] {
  const found = new Set<string>();
  const visit = (s: JsonSchema | undefined) => {
    if (!s) return;
    if (s.$ref) found.add(refName(s.$ref));
    for (const variant of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) visit(variant);
    if (s.items && !Array.isArray(s.items)) visit(s.items);
    if (s.additionalProperties && typeof s.additionalProperties === "object") visit(s.additionalProperties);
  };
  visit(schema);
  return [...found];
}

/**
 * How a variant of a union is told apart: its property with a constant string value, written as
 * `[type=server]`, so fields of different variants keep their own rows.
 */
function discriminator(variant: JsonSchema): string {
  for (const [key, property] of Object.entries(variant.properties ?? {})) {
    if (typeof property.const === "string") return `[${key}=${property.const}]`;
  }
  return "";
}

/** The object schemas reachable from a field without crossing a $ref (those get their own section). */
function nestedObjects(schema: JsonSchema, path: string): { schema: JsonSchema; path: string }[] {
  if (schema.$ref) return [];
  if (schema.properties) return [{ schema, path }];
  const variants = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (variants)
    return variants.flatMap((variant) => nestedObjects(variant, `${path}${discriminator(variant)}`));
  if (schema.items && !Array.isArray(schema.items)) return nestedObjects(schema.items, `${path}[]`);
  if (schema.additionalProperties && typeof schema.additionalProperties === "object") {
    return nestedObjects(schema.additionalProperties, `${path}.<name>`);
  }
  return [];
}

/** Every field under an object schema, depth first; `prefix` is the JSON path of the object. */
export function fieldRows(schema: JsonSchema, prefix = ""): FieldRow[] {
  const rows: FieldRow[] = [];
  const seen = new Set<string>();
  const walk = (object: JsonSchema, path: string) => {
    for (const [key, field] of Object.entries(object.properties ?? {})) {
      const fieldPath = path === "" ? key : `${path}.${key}`;
      if (seen.has(fieldPath)) continue; // union variants repeat shared fields
      seen.add(fieldPath);
      rows.push({
        path: fieldPath,
        type: typeOf(field),
        required: object.required?.includes(key) ?? false,
        defaultValue: field.default === undefined ? undefined : JSON.stringify(field.default),
        description: field.description ?? field.title,
        constraints: constraintsOf(field),
        example: field.examples?.[0] === undefined ? undefined : JSON.stringify(field.examples[0]),
        refs: refsOf(field),
      });
      for (const nested of nestedObjects(field, fieldPath)) walk(nested.schema, nested.path);
    }
  };
  for (const nested of nestedObjects(schema, prefix)) walk(nested.schema, nested.path);
  return rows;
}

/** The named definitions of a schema ($defs or the older definitions). */
export function definitionsOf(schema: JsonSchema): [string, JsonSchema][] {
  return Object.entries(schema.$defs ?? schema.definitions ?? {});
}
