/**
 * Turns zod's issues into syslab problems: one per thing to fix, each with its JSON path, a
 * catalogue code and a sentence from the catalogue. zod's own wording never reaches a user.
 */
import type { z } from "zod";
import { catalogueMessage, type ErrorCode, type ErrorParams } from "../errors/catalogue";
import type { Problem } from "../errors/problem";
import { fieldGuide } from "./field-guide";
import { formatPath } from "./json-path";
import { nearestName } from "./nearest-name";
import { problemText, readProblemText } from "./problem-text";
import { showValue } from "./show-value";

type Issue = z.core.$ZodIssue;

const EXPECTED: Record<string, string> = {
  number: "a number",
  int: "a whole number",
  string: "a string",
  boolean: "true or false",
  object: "an object",
  record: "an object",
  array: "a list",
  tuple: "a list",
};

function problem<C extends ErrorCode>(
  path: readonly PropertyKey[],
  code: C,
  params: ErrorParams<C>,
): Problem {
  return { path: formatPath(path), code, message: catalogueMessage(code, params) };
}

/**
 * Problems for zod's issues. For unknown keys the issue's message must carry the allowed fields
 * (unknownKeyMessage, given to zod as the error map).
 */
export function problemsFromIssues(issues: readonly Issue[], base: readonly PropertyKey[] = []): Problem[] {
  return issues.flatMap((issue) => problemsFromIssue(issue, [...base, ...issue.path]));
}

/** zod error map: words an unknown-key issue with the fields its object allows; others as they come. */
export function unknownKeyMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code !== "unrecognized_keys") return undefined;
  const shape = (issue.inst as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def?.shape;
  return problemText("scenario.unknown-key", {
    key: "",
    allowed: shape === undefined ? [] : Object.keys(shape),
  });
}

function problemsFromIssue(issue: Issue, path: PropertyKey[]): Problem[] {
  const input = issue.input;
  const field = path[path.length - 1];
  const missing =
    input === undefined &&
    (issue.code === "invalid_type" || issue.code === "invalid_union" || issue.code === "invalid_value");
  if (missing && typeof field === "string" && !isDiscriminatorMismatch(issue)) {
    return [problem(path, "scenario.required", { field, guide: fieldGuide(field) })];
  }

  if (issue.code === "invalid_union" && !isDiscriminatorMismatch(issue)) {
    const branch = closestBranch(issue.errors);
    if (branch !== undefined) return problemsFromIssues(branch, path);
  }

  const own = readProblemText(issue.message);
  if (issue.code === "unrecognized_keys") {
    const allowed = (own?.params.allowed as string[] | undefined) ?? [];
    return issue.keys.map((key) =>
      problem([...path, key], "scenario.unknown-key", { key, allowed, near: nearestName(key, allowed) }),
    );
  }

  if (own !== undefined) {
    return [
      { path: formatPath(path), code: own.code, message: catalogueMessage(own.code, own.params as never) },
    ];
  }

  const got = showValue(input);
  switch (issue.code) {
    case "invalid_type":
      if (issue.expected === "int") return [problem(path, "scenario.integer", { got })];
      return [problem(path, "scenario.type", { expected: EXPECTED[issue.expected] ?? issue.expected, got })];
    case "too_small":
      if (issue.origin === "array" && issue.minimum === 1) {
        return [problem(path, "scenario.empty", { what: itemName(field) })];
      }
      if (issue.origin === "array")
        return [problem(path, "scenario.list-length", { length: Number(issue.minimum), got })];
      if (issue.origin === "string")
        return [problem(path, "scenario.type", { expected: "a non-empty string", got })];
      return [
        problem(path, "scenario.too-small", {
          limit: issue.inclusive ? `at least ${issue.minimum}` : `greater than ${issue.minimum}`,
          got,
        }),
      ];
    case "too_big":
      if (issue.origin === "array")
        return [problem(path, "scenario.list-length", { length: Number(issue.maximum), got })];
      return [
        problem(path, "scenario.too-large", {
          limit: issue.inclusive ? `at most ${issue.maximum}` : `less than ${issue.maximum}`,
          got,
        }),
      ];
    case "invalid_union": {
      // No member stood out and the union has no wording of its own: name the types it takes.
      const types = new Set(
        issue.errors.flatMap((branch) =>
          branch
            .filter((i): i is z.core.$ZodIssueInvalidType => i.path.length === 0 && i.code === "invalid_type")
            .map((i) => EXPECTED[i.expected] ?? i.expected),
        ),
      );
      return [problem(path, "scenario.type", { expected: [...types].join(" or ") || "something else", got })];
    }
    case "invalid_value": {
      const allowed = issue.values.map(String);
      const near = typeof input === "string" ? nearestName(input, allowed) : undefined;
      return [problem(path, "scenario.value", { allowed, got, near })];
    }
    default:
      return [problem(path, "scenario.type", { expected: "something else", got })];
  }
}

/** A discriminated union whose discriminator (`type`, `process`) matched none of its values. */
function isDiscriminatorMismatch(issue: Issue): boolean {
  return issue.code === "invalid_union" && issue.errors.length === 0;
}

/**
 * The union member the user evidently meant, if one stands out: the only member whose issues
 * all lie inside the value (its shape matched); failing that, the only one whose sole complaint
 * at the top is extra keys while none of its own keys is missing. Otherwise the union's own
 * message ("… is not a distribution; write …") says best what is wrong.
 */
function closestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  const shapeMatches = branches.filter((issues) => issues.every((i) => !isShapeMismatch(i)));
  if (shapeMatches.length === 1) return shapeMatches[0];
  if (shapeMatches.length > 1) return undefined;
  const extraKeysOnly = branches.filter((issues) =>
    issues.every(
      (i) =>
        (i.path.length === 0 && i.code === "unrecognized_keys") ||
        (i.path.length > 0 && !(i.path.length === 1 && i.input === undefined)),
    ),
  );
  return extraKeysOnly.length === 1 ? extraKeysOnly[0] : undefined;
}

function isShapeMismatch(issue: Issue): boolean {
  if (issue.path.length > 0) return false;
  if (issue.code === "invalid_type" || issue.code === "unrecognized_keys") return true;
  if (issue.code === "invalid_union") {
    return isDiscriminatorMismatch(issue) || issue.errors.every((branch) => branch.some(isShapeMismatch));
  }
  return false;
}

/** "steps" → "step", for "must list at least one step". */
function itemName(field: PropertyKey | undefined): string {
  if (field === "requests") return "request class";
  if (typeof field === "string" && field.endsWith("s")) return field.slice(0, -1);
  return "item";
}
