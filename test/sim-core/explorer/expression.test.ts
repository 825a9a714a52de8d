// The program expression language: parsed by syslab, evaluated over 32-bit integers, never as JavaScript.
import { describe, expect, test } from "vitest";
import {
  evaluate,
  expressionNames,
  parseExpression,
  resolveNames,
} from "../../../packages/sim-core/src/explorer/expression";

function value(source: string | number, names: Record<string, number> = {}): number {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(parsed.error);
  const keys = Object.keys(names);
  const resolved = resolveNames(parsed.expression, (n) => keys.indexOf(n));
  return evaluate(resolved, Int32Array.from(keys.map((k) => names[k]!)), 0);
}

describe("expressions", () => {
  test("arithmetic follows the usual precedence, with unary minus", () => {
    expect(value("1 + 2 * 3")).toBe(7);
    expect(value("(1 + 2) * 3")).toBe(9);
    expect(value("10 - 3 - 2")).toBe(5);
    expect(value("r + -1", { r: 5 })).toBe(4);
    expect(value(-4)).toBe(-4);
  });

  test("comparisons and logic give 1 or 0", () => {
    expect(value("a == 1 || b == 1", { a: 0, b: 1 })).toBe(1);
    expect(value("a == 1 && b == 1", { a: 0, b: 1 })).toBe(0);
    expect(value("!(a < b)", { a: 1, b: 2 })).toBe(0);
    expect(value("a <= 1 && a >= 1 && a != 2 && a > 0", { a: 1 })).toBe(1);
    expect(value("true && !false")).toBe(1);
  });

  test("integers wrap at 32 bits", () => {
    expect(value("2147483647 + 1")).toBe(-2147483648);
    expect(value("65536 * 65536")).toBe(0);
  });

  test("names are listed once each", () => {
    const parsed = parseExpression("r + r * s");
    expect(parsed.ok && expressionNames(parsed.expression)).toEqual(["r", "s"]);
  });

  test.each([
    ["alert(1)", '"(" is not expected there'],
    ["x.y", '"." at position 2 is not allowed'],
    ["1 / 2", '"/" at position 3 is not allowed'],
    ["r +", "it ends where a value was expected"],
    ["(r + 1", 'a ")" is missing'],
    ["", "it is empty"],
    ["9999999999", "9999999999 is beyond the 32-bit integers"],
  ])("refuses %j: %s", (source, error) => {
    expect(parseExpression(source)).toEqual({ ok: false, error });
  });

  test("a number that is not whole is refused", () => {
    expect(parseExpression(1.5)).toEqual({ ok: false, error: "1.5 is not a whole number" });
  });
});
