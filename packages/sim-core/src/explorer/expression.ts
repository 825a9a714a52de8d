/**
 * The small, safe expression language of programs: integers, names (registers in steps, shared
 * variables in `check.final`), + - *, comparisons, && || ! and parentheses. Parsed by syslab into
 * a tree and evaluated over 32-bit integers (true is 1, false is 0); never evaluated as JavaScript.
 */

export type Expression =
  | { op: "num"; value: number }
  | { op: "name"; name: string; slot: number }
  | { op: "not" | "neg"; arg: Expression }
  | { op: BinaryOperator; left: Expression; right: Expression };

type BinaryOperator = "+" | "-" | "*" | "==" | "!=" | "<" | "<=" | ">" | ">=" | "&&" | "||";

export type ParsedExpression = { ok: true; expression: Expression } | { ok: false; error: string };

const LEVELS: readonly (readonly BinaryOperator[])[] = [
  ["||"],
  ["&&"],
  ["==", "!="],
  ["<", "<=", ">", ">="],
  ["+", "-"],
  ["*"],
];
const TOKEN = /\s*(?:(\d+)|([A-Za-z_][A-Za-z0-9_]*)|(&&|\|\||==|!=|<=|>=|[-+*<>!()]))/y;
const MAX_LENGTH = 500;

/** Parses `source` (a number is taken as it is); names are left unresolved (slot -1). */
export function parseExpression(source: number | string): ParsedExpression {
  if (typeof source === "number") {
    if (!Number.isInteger(source)) return { ok: false, error: `${source} is not a whole number` };
    return { ok: true, expression: { op: "num", value: source | 0 } };
  }
  if (source.length > MAX_LENGTH) return { ok: false, error: `it is longer than ${MAX_LENGTH} characters` };
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < source.length) {
    if (/^\s*$/.test(source.slice(at))) break;
    TOKEN.lastIndex = at;
    const match = TOKEN.exec(source);
    if (match === null) {
      const where = at + source.slice(at).length - source.slice(at).trimStart().length;
      return {
        ok: false,
        error: `"${source.charAt(where)}" at position ${where + 1} is not allowed`,
      };
    }
    tokens.push(match[1] ?? match[2] ?? match[3]!);
    at = TOKEN.lastIndex;
  }
  if (tokens.length === 0) return { ok: false, error: "it is empty" };
  let next = 0;
  let error: string | undefined;
  const fail = (message: string): Expression => {
    error ??= message;
    return { op: "num", value: 0 };
  };
  const primary = (): Expression => {
    const token = tokens[next++];
    if (token === undefined) return fail("it ends where a value was expected");
    if (token === "(") {
      const inner = binary(0);
      if (tokens[next++] !== ")") return fail('a ")" is missing');
      return inner;
    }
    if (token === "!") return { op: "not", arg: primary() };
    if (token === "-") return { op: "neg", arg: primary() };
    if (/^\d/.test(token)) {
      const value = Number(token);
      if (value > 2147483647) return fail(`${token} is beyond the 32-bit integers`);
      return { op: "num", value };
    }
    if (/^[A-Za-z_]/.test(token)) {
      if (token === "true") return { op: "num", value: 1 };
      if (token === "false") return { op: "num", value: 0 };
      return { op: "name", name: token, slot: -1 };
    }
    return fail(`"${token}" stands where a value was expected`);
  };
  const binary = (level: number): Expression => {
    if (level === LEVELS.length) return primary();
    let left = binary(level + 1);
    for (;;) {
      const token = tokens[next] as BinaryOperator | undefined;
      if (token === undefined || !LEVELS[level]!.includes(token)) return left;
      next++;
      left = { op: token, left, right: binary(level + 1) };
    }
  };
  const expression = binary(0);
  if (error === undefined && next < tokens.length) error = `"${tokens[next]}" is not expected there`;
  return error === undefined ? { ok: true, expression } : { ok: false, error };
}

/** Every name the expression reads. */
export function expressionNames(expression: Expression, into: string[] = []): string[] {
  switch (expression.op) {
    case "num":
      return into;
    case "name":
      if (!into.includes(expression.name)) into.push(expression.name);
      return into;
    case "not":
    case "neg":
      return expressionNames(expression.arg, into);
    default:
      expressionNames(expression.left, into);
      return expressionNames(expression.right, into);
  }
}

/** Gives each name its slot in the values array evaluate() reads. */
export function resolveNames(expression: Expression, slot: (name: string) => number): Expression {
  switch (expression.op) {
    case "num":
      return expression;
    case "name":
      return { op: "name", name: expression.name, slot: slot(expression.name) };
    case "not":
    case "neg":
      return { op: expression.op, arg: resolveNames(expression.arg, slot) };
    default:
      return {
        op: expression.op,
        left: resolveNames(expression.left, slot),
        right: resolveNames(expression.right, slot),
      };
  }
}

/** The value of a resolved expression; names read `values[base + slot]`. 32-bit wrap-around. */
export function evaluate(e: Expression, values: Int32Array, base: number): number {
  switch (e.op) {
    case "num":
      return e.value;
    case "name":
      return values[base + e.slot]!;
    case "not":
      return evaluate(e.arg, values, base) === 0 ? 1 : 0;
    case "neg":
      return -evaluate(e.arg, values, base) | 0;
    case "+":
      return (evaluate(e.left, values, base) + evaluate(e.right, values, base)) | 0;
    case "-":
      return (evaluate(e.left, values, base) - evaluate(e.right, values, base)) | 0;
    case "*":
      return Math.imul(evaluate(e.left, values, base), evaluate(e.right, values, base));
    case "==":
      return evaluate(e.left, values, base) === evaluate(e.right, values, base) ? 1 : 0;
    case "!=":
      return evaluate(e.left, values, base) !== evaluate(e.right, values, base) ? 1 : 0;
    case "<":
      return evaluate(e.left, values, base) < evaluate(e.right, values, base) ? 1 : 0;
    case "<=":
      return evaluate(e.left, values, base) <= evaluate(e.right, values, base) ? 1 : 0;
    case ">":
      return evaluate(e.left, values, base) > evaluate(e.right, values, base) ? 1 : 0;
    case ">=":
      return evaluate(e.left, values, base) >= evaluate(e.right, values, base) ? 1 : 0;
    case "&&":
      return evaluate(e.left, values, base) !== 0 && evaluate(e.right, values, base) !== 0 ? 1 : 0;
    case "||":
      return evaluate(e.left, values, base) !== 0 || evaluate(e.right, values, base) !== 0 ? 1 : 0;
  }
}
