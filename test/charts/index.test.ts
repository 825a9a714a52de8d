// Pins the public surface of @syslab/charts: a change to it is a visible decision.

import * as charts from "@syslab/charts";
import { expect, test } from "vitest";

test("the package exports exactly these names", () => {
  expect(Object.keys(charts).sort()).toEqual([
    "barChartSvg",
    "escapeXml",
    "formatValue",
    "groupedBarChartSvg",
    "lineChartSvg",
    "niceTicks",
    "slowestRequest",
    "traceFiguresHtml",
    "waterfallLayout",
  ]);
});
