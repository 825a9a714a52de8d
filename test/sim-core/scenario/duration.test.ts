import { describe, expect, test } from "vitest";
import { SyslabError } from "../../../packages/sim-core/src/errors/syslab-error";
import { parseDuration } from "../../../packages/sim-core/src/scenario/duration";

describe("parseDuration", () => {
  test.each([
    ["250ns", 250e-9],
    ["150us", 150e-6],
    ["150µs", 150e-6],
    ["5ms", 0.005],
    ["2s", 2],
    ["1.5s", 1.5],
    ["1m", 60],
    ["1.5m", 90],
    ["1h", 3600],
    ["0s", 0],
  ])("%s is %f seconds", (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  test("a number is seconds already", () => {
    expect(parseDuration(0.005)).toBe(0.005);
    expect(parseDuration(0)).toBe(0);
  });

  test("a unit string is exactly the double its decimal names, so '5ms' and 0.005 are the same number", () => {
    for (const ms of [1, 3, 5, 7, 9, 11, 13, 250, 999])
      expect(parseDuration(`${ms}ms`)).toBe(Number(`${ms}e-3`));
    expect(parseDuration("0.1ms")).toBe(0.0001);
    expect(parseDuration("20ms")).toBe(0.02);
  });

  test.each(["5 sec", "-1s", "5", "", "5ms ", "1.ms", "ms", "5 ms", "5S"])("%j is rejected", (text) => {
    expect(() => parseDuration(text)).toThrow(SyslabError);
  });

  test("negative or non-finite numbers are rejected", () => {
    expect(() => parseDuration(-1)).toThrow(SyslabError);
    expect(() => parseDuration(Number.NaN)).toThrow(SyslabError);
    expect(() => parseDuration(Number.POSITIVE_INFINITY)).toThrow(SyslabError);
  });

  test("the error shows the accepted forms", () => {
    try {
      parseDuration("5 sec");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SyslabError);
      expect((error as SyslabError).code).toBe("scenario.duration");
      expect((error as SyslabError).message).toMatchInlineSnapshot(
        `""5 sec" is not a duration; write a number of seconds (0.005) or a string with a unit: "250ns", "150us", "5ms", "2s", "1m", "1h"."`,
      );
    }
  });
});
