// Pins the public surface of @syslab/charts: a change to it is a visible decision.

import * as charts from "@syslab/charts";
import { expect, test } from "vitest";

test("the package exports exactly these names", () => {
  expect(Object.keys(charts).sort()).toEqual([
    "STAY_AFTER_ANSWER",
    "STAY_COMPLETED",
    "STAY_FAILED",
    "barChartSvg",
    "escapeXml",
    "formatValue",
    "frameAt",
    "frameState",
    "groupedBarChartSvg",
    "lineChartSvg",
    "niceTicks",
    "scenarioWiring",
    "slowestRequest",
    "stepTime",
    "topologyFrames",
    "topologyLayout",
    "topologySvg",
    "traceFiguresHtml",
    "waterfallLayout",
  ]);
});
