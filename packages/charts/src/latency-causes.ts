// The causes a traced request's latency is split by (sim-core's run/latency-breakdown.ts), in the
// order results list them, with the words and colours every trace figure uses for them, and the
// legend that names them.

import { r, svgText } from "./chart-frame";
import { legendLayout, legendRows } from "./legend-layout";
import { ink, palette } from "./palette";

export type LatencyCause = "queue" | "poolWait" | "work" | "untraced";

export interface CauseStyle {
  cause: LatencyCause;
  label: string;
  /** Fill and a chart-series-N class, so that a page's dark theme restyles it like the other charts. */
  paint: string;
}

const style = (cause: LatencyCause, label: string, series: number): CauseStyle => ({
  cause,
  label,
  paint: `class="chart-series-${series}" fill="${palette[series - 1]}"`,
});

export const CAUSES: readonly CauseStyle[] = [
  style("queue", "queued", 2),
  style("poolWait", "pool wait", 4),
  style("work", "work", 1),
  style("untraced", "untraced", 5),
];

/** An outlined, unfilled box: a visit's extent, or the span a nested call had the request. */
export const HOLLOW = `class="chart-axis" fill="none" stroke="${ink.axis}"`;

/** The causes' swatches under a chart's title (and `extra` ones, e.g. a hollow box), wrapped to fit; returns the rows it took. */
export function causeLegend(right: number, extra: { label: string; paint: string }[] = []) {
  const entries = [...CAUSES, ...extra];
  const places = legendLayout(
    entries.map((e) => e.label),
    16,
    right,
  );
  const markup = entries
    .map(({ label, paint }, i) => {
      const { x, row } = places[i]!;
      const y = 44 + row * 20;
      return `<rect ${paint} x="${r(x)}" y="${y - 6}" width="12" height="10"/>${svgText(x + 18, y, label, { size: 12, middle: true })}`;
    })
    .join("");
  return { markup: `<g class="legend">${markup}</g>`, rows: legendRows(places) };
}
