// Stacked bars of where traced requests' time went: one bar per latency band (the median requests,
// the p90 ones, the slowest 1%), each as wide as the whole and split by each cause's share.

import { r, svgDocument, svgText } from "./chart-frame";
import { escapeXml } from "./escape-xml";
import { formatValue } from "./format-value";
import { CAUSES, causeLegend, type LatencyCause } from "./latency-causes";
import { ink } from "./palette";

/** A band of traced requests (sim-core's BreakdownBand): how many, their latency range, each cause's share and mean. */
export interface BreakdownBandFigures {
  requests: number;
  latency: { min: number; max: number };
  share: Record<LatencyCause, number>;
  mean: Record<LatencyCause, number>;
}

export interface LabelledBand {
  label: string;
  band: BreakdownBandFigures;
}

const LEFT = 150;
const ROW = 34;
const BAR = 20;

const percent = (share: number) => formatValue(share, "percent");

export function breakdownBarsSvg(bands: readonly LabelledBand[], title: string, width = 640): string {
  const right = width - 30;
  const span = right - LEFT;
  const legend = causeLegend(right);
  const top = 48 + 20 * legend.rows;
  const bottom = top + ROW * bands.length;
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map((v) => {
      const x = r(LEFT + v * span);
      return (
        `<line class="chart-grid" x1="${x}" x2="${x}" y1="${top - 4}" y2="${bottom}" stroke="${ink.grid}"/>` +
        svgText(x, bottom + 16, percent(v), { muted: true, anchor: "middle" })
      );
    })
    .join("");
  const bars = bands
    .map(({ label, band }, i) => {
      const y = top + ROW * i + (ROW - BAR) / 2;
      let at = LEFT;
      const segments = CAUSES.map(({ cause, label: name, paint }) => {
        const share = band.share[cause];
        const w = share * span;
        at += w;
        return w > 0
          ? `<rect ${paint} x="${r(at - w)}" y="${r(y)}" width="${r(w)}" height="${BAR}" data-cause="${cause}" data-share="${share}">` +
              `<title>${escapeXml(`${label}, ${name}: ${percent(share)}`)}</title></rect>`
          : "";
      }).join("");
      const empty =
        band.requests === 0
          ? svgText(LEFT + 8, y + BAR / 2, "no completed requests", { muted: true, middle: true })
          : "";
      return `<g class="band" data-band="${escapeXml(label)}">${svgText(8, y + BAR / 2, label, { size: 12, middle: true })}${segments}${empty}</g>`;
    })
    .join("");
  const desc = `${bands
    .map(
      ({ label, band }) =>
        `${label} (${band.requests} requests): ${CAUSES.map((c) => `${c.label} ${percent(band.share[c.cause])}`).join(", ")}`,
    )
    .join("; ")}.`;
  return svgDocument({
    width,
    height: bottom + 40,
    title,
    desc,
    body:
      legend.markup +
      grid +
      svgText((LEFT + right) / 2, bottom + 34, "share of the band's latency", {
        size: 12,
        anchor: "middle",
      }) +
      bars,
  });
}
