/**
 * Runs one scenario once per value of one field (a JSON path such as
 * `components.web.architecture.threads`), for tables and charts of a parameter's effect.
 */
import { catalogueError } from "../errors/catalogue";
import type { Result } from "../result/model";
import { inputShapeProblems } from "../scenario/input-shape";
import { formatPath, type PathSegment, parsePath } from "../scenario/json-path";
import type { Scenario } from "../scenario/model";
import { parseScenario } from "../scenario/parse-scenario";
import type { RunOptions } from "./run-options";
import { runScenario } from "./run-scenario";

export type SweepValue = number | string | boolean;

export interface SweepResult {
  path: string;
  values: SweepValue[];
  rows: { value: SweepValue; result: Result }[];
}

/**
 * Every variant is validated before any runs, so a bad value fails at once; a problem is then
 * reported as `scenario.invalid` with the value named in its message.
 */
export function sweep(input: unknown, path: string, values: SweepValue[], options?: RunOptions): SweepResult {
  if (values.length === 0) throw catalogueError("sweep.values", {});
  const segments = sweepPath(path);
  const scenarios: Scenario[] = values.map((value) => {
    const variant = withValue(input, segments, value, path);
    const parsed = parseScenario(variant);
    if (!parsed.ok) {
      const problems = parsed.problems.map((p) => ({
        ...p,
        message: `With ${path} = ${JSON.stringify(value)}: ${p.message}`,
      }));
      throw catalogueError("scenario.invalid", { count: problems.length }, problems);
    }
    return parsed.scenario;
  });
  return {
    path,
    values,
    rows: scenarios.map((scenario, i) => ({ value: values[i]!, result: runScenario(scenario, options) })),
  };
}

/**
 * The scenario input with `value` set at `path` (a deep copy), for callers that run each
 * variant on their own (the API stores one run per value). Throws SyslabError `sweep.path`
 * when the path is malformed or the scenario has nothing there to hold the value.
 */
export function sweepVariant(input: unknown, path: string, value: unknown): unknown {
  return withValue(input, sweepPath(path), value, path);
}

function sweepPath(path: string): PathSegment[] {
  const segments = parsePath(path);
  if (segments === undefined) {
    throw catalogueError("sweep.path", {
      path,
      reason: "write it as dotted names, e.g. components.web.servers",
    });
  }
  return segments;
}

/** A deep copy of `input` with `value` at `segments`; every segment but the last must already exist. */
function withValue(input: unknown, segments: PathSegment[], value: unknown, path: string): unknown {
  // structuredClone recurses: an input too deep for it is refused first, as parseScenario would.
  const shape = inputShapeProblems(input);
  if (shape.length > 0) throw catalogueError("scenario.invalid", { count: shape.length }, shape);
  const copy = structuredClone(input);
  let node: unknown = copy;
  for (let i = 0; i < segments.length - 1; i++) {
    node = child(node, segments[i]!);
    if (node === undefined) {
      throw catalogueError("sweep.path", {
        path,
        reason: `the scenario has nothing at ${formatPath(segments.slice(0, i + 1))}`,
      });
    }
  }
  const last = segments[segments.length - 1]!;
  const holdsKey = typeof last === "number" ? Array.isArray(node) : isRecord(node);
  if (!holdsKey) {
    const where = segments.length > 1 ? formatPath(segments.slice(0, -1)) : "the top level";
    throw catalogueError("sweep.path", {
      path,
      reason: `${where} is not an object or list that can hold it`,
    });
  }
  // Defined, not assigned: `node["__proto__"] = value` would replace the object's prototype.
  Object.defineProperty(node, last, { value, writable: true, enumerable: true, configurable: true });
  return copy;
}

/** Own fields only: a path through "__proto__" or "constructor" must never reach Object.prototype. */
function child(node: unknown, segment: PathSegment): unknown {
  if (typeof segment === "number") return Array.isArray(node) ? node[segment] : undefined;
  return isRecord(node) && Object.hasOwn(node, segment) ? node[segment] : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
