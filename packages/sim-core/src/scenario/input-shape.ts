/**
 * Bounds on an input's shape, checked before anything reads it field by field: how deeply it
 * nests, how many values it holds, and no "__proto__" key anywhere. The validation that follows
 * recurses through the input (the schema, the reference checks, the wording of problems), so an
 * input nested thousands of levels deep would overflow the stack instead of being answered; and
 * a "__proto__" key is silently lost by any code that copies keys into a plain object.
 * The walk itself keeps its own stack, so it is safe at any depth (and on cyclic objects).
 */
import { catalogueMessage } from "../errors/catalogue";
import type { Problem } from "../errors/problem";
import { formatPath, type PathSegment } from "./json-path";

/** Levels of objects and lists; the deepest field of a real scenario is about a dozen levels down. */
export const MAX_INPUT_DEPTH = 64;

/** Values of any kind (objects, lists, strings, numbers…) in one input, the input itself included. */
export const MAX_INPUT_VALUES = 1_000_000;

interface Frame {
  value: unknown;
  parent: Frame | undefined;
  key: PathSegment;
  /** 1 for the input itself. */
  level: number;
}

function pathOf(frame: Frame): PathSegment[] {
  const path: PathSegment[] = [];
  for (let f: Frame | undefined = frame; f?.parent !== undefined; f = f.parent) path.push(f.key);
  return path.reverse();
}

/** Problems with the input's shape; none when it is within every bound. */
export function inputShapeProblems(input: unknown): Problem[] {
  const problems: Problem[] = [];
  const stack: Frame[] = [{ value: input, parent: undefined, key: "", level: 1 }];
  let values = 1;
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const value = frame.value;
    if (value === null || typeof value !== "object") continue;
    if (frame.level > MAX_INPUT_DEPTH) {
      // The first value too deep is named; the ones below it add nothing.
      const message = catalogueMessage("scenario.too-deep", { max: MAX_INPUT_DEPTH });
      problems.push({ path: formatPath(pathOf(frame)), code: "scenario.too-deep", message });
      return problems;
    }
    const keys = Array.isArray(value) ? undefined : Object.keys(value);
    values += keys === undefined ? (value as unknown[]).length : keys.length;
    if (values > MAX_INPUT_VALUES) {
      const message = catalogueMessage("scenario.too-many-values", { max: MAX_INPUT_VALUES });
      return [{ path: "", code: "scenario.too-many-values", message }];
    }
    if (keys === undefined) {
      const list = value as unknown[];
      // Pushed last to first, so that values are visited (and problems found) in the input's order.
      for (let i = list.length - 1; i >= 0; i--)
        stack.push({ value: list[i], parent: frame, key: i, level: frame.level + 1 });
      continue;
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      stack.push({
        value: (value as Record<string, unknown>)[key],
        parent: frame,
        key,
        level: frame.level + 1,
      });
    }
    if (keys.includes("__proto__")) {
      const path = formatPath([...pathOf(frame), "__proto__"]);
      const message = catalogueMessage("scenario.reserved-key", { key: "__proto__" });
      problems.push({ path, code: "scenario.reserved-key", message });
    }
  }
  return problems;
}
