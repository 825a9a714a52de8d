import { formatValue } from "@syslab/charts";
import { expect, test } from "vitest";

test("durations in seconds read in the unit of the axis maximum", () => {
  expect(formatValue(0.0021, "duration")).toBe("2.1 ms");
  expect(formatValue(0.5, "duration", 2)).toBe("0.5 s");
  expect(formatValue(0.000_15, "duration")).toBe("150 µs");
  expect(formatValue(0, "duration", 0.02)).toBe("0 ms");
});

test("numbers are compact, percentages scaled", () => {
  expect(formatValue(3600, "number")).toBe("3600");
  expect(formatValue(25_000, "number")).toBe("25k");
  expect(formatValue(1_500_000, "number")).toBe("1.5M");
  expect(formatValue(0.25, "percent")).toBe("25%");
});
