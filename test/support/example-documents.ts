// The example scenarios as JSON values, and the paths inside them: the material that property
// tests mutate, so that their mutants get past the first checks and reach the deep ones.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Path = (string | number)[];

const examplesDir = join(import.meta.dirname, "../../examples");

/** Every example scenario, parsed (programs for the explorer, which name their kind, left out). */
export function exampleScenarios(): Json[] {
  return readdirSync(examplesDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => JSON.parse(readFileSync(join(examplesDir, file), "utf8")) as Json)
    .filter((document) => (document as { kind?: unknown }).kind === undefined);
}

/** Every path inside a document (the document itself excluded), containers and leaves alike. */
export function paths(value: Json, path: Path = []): Path[] {
  const here = path.length > 0 ? [path] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => paths(item, [...path, i]))];
  if (value !== null && typeof value === "object")
    return [...here, ...Object.entries(value).flatMap(([key, item]) => paths(item, [...path, key]))];
  return here;
}

/** The value at `path`, which must exist. */
export function at(document: Json, path: Path): Json {
  let node = document;
  for (const segment of path) node = (node as Record<string | number, Json>)[segment]!;
  return node;
}
