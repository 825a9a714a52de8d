import { describe, expect, test } from "vitest";
import { lineChartSvg } from "../../packages/charts/src";
import { legendLayout, legendRows } from "../../packages/charts/src/legend-layout";

describe("legend layout", () => {
  test("entries sit side by side, each after the previous one's label", () => {
    const [a, b] = legendLayout(["Theory", "A much longer series name"], 72, 620);
    expect(a).toEqual({ x: 72, row: 0 });
    expect(b!.row).toBe(0);
    expect(b!.x).toBeGreaterThan(72 + 18 + "Theory".length * 6); // past the first label, whatever its font
  });

  test("an entry that would pass the right edge starts a new row", () => {
    const names = [
      "Thread pool (200)",
      "Event loop (2 workers)",
      "Prefork (8 workers)",
      "Threads + GIL",
      "This run",
    ];
    const positions = legendLayout(names, 72, 620);
    expect(legendRows(positions)).toBeGreaterThan(1);
    for (const [i, p] of positions.entries()) {
      expect(p.x + 18 + names[i]!.length * 7.2).toBeLessThanOrEqual(620 + 1e-9);
    }
    expect(legendRows([])).toBe(0);
  });

  test("a chart with five long series names shows every name and moves the plot down for the extra row", () => {
    const series = [
      "Thread pool (200)",
      "Event loop (2 workers)",
      "Prefork (8 workers)",
      "Threads + GIL",
      "This run",
    ].map((name, i) => ({ name, points: [[0, i] as [number, number], [1, i + 1] as [number, number]] }));
    const svg = lineChartSvg({ title: "t", xLabel: "x", yLabel: "y", series });
    for (const s of series) expect(svg).toContain(`>${s.name}</text>`);
    const oneRow = lineChartSvg({ title: "t", xLabel: "x", yLabel: "y", series: series.slice(0, 2) });
    const gridTop = (chart: string) =>
      Math.min(...[...chart.matchAll(/y1="([\d.]+)"/g)].map((m) => Number(m[1])));
    expect(gridTop(svg)).toBeGreaterThan(gridTop(oneRow));
  });
});
