import { describe, expect, test } from "vitest";
import { showValue } from "../../../packages/sim-core/src/scenario/show-value";

describe("showValue", () => {
  test("quotes short values whole, as JSON", () => {
    expect(showValue(undefined)).toBe("nothing");
    expect(showValue(null)).toBe("null");
    expect(showValue("5 sec")).toBe('"5 sec"');
    expect(showValue(-1.5)).toBe("-1.5");
    expect(showValue([])).toBe("an empty list");
    expect(showValue([1, "a", { b: [null] }])).toBe('a list ([1,"a",{"b":[null]}])');
    expect(showValue({})).toBe("an empty object {}");
    expect(showValue({ exp: 1, mean: 2 })).toBe('an object with "exp", "mean"');
  });

  test("cuts a long quote at 60 characters, as the start of its JSON", () => {
    const list = Array.from({ length: 40 }, (_, i) => i);
    const json = JSON.stringify(list);
    expect(showValue(list)).toBe(`a list (${json.slice(0, 57)}…)`);
    expect(showValue("x".repeat(100))).toBe(`"${"x".repeat(56)}…`);
  });

  test("reads no more of a huge or deep value than it quotes", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 1_000_000; i++) deep = [{ a: deep }];
    expect(showValue(deep)).toBe(`a list (${'[{"a":'.repeat(10).slice(0, 57)}…)`);
    const huge = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(showValue(huge)).toBe(`a list (${JSON.stringify(huge.slice(0, 30)).slice(0, 57)}…)`);
    expect(showValue("y".repeat(10_000_000)).length).toBe(58);
  });

  test("names ten keys of an object and counts the rest; each key is quoted briefly", () => {
    const many = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`k${i}`, i]));
    expect(showValue(many)).toBe(
      'an object with "k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9" and 15 more',
    );
    const long = showValue({ ["z".repeat(1_000_000)]: 1 });
    expect(long).toBe(`an object with "${"z".repeat(56)}…`);
  });
});
