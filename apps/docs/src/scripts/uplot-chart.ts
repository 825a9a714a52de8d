// Draws a widget's chart with uPlot, in the page's theme colours, replacing what was there; the
// drawing is an image named by the chart's title and described by the sentence that states it.
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { ChartSpec } from "../widgets/view";

const COLOUR_VARIABLES = ["--chart-1", "--chart-2", "--chart-3", "--chart-4", "--chart-5"];

function cssVariable(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

/** uPlot wants one shared x array; series that lack a sample at an x get null there. */
function alignedData(spec: ChartSpec): uPlot.AlignedData {
  const xs = [...new Set(spec.series.flatMap((s) => s.points.map(([x]) => x)))].sort((a, b) => a - b);
  const columns = spec.series.map((s) => {
    const byX = new Map(s.points.map(([x, y]) => [x, Number.isFinite(y) ? y : null]));
    return xs.map((x) => byX.get(x) ?? null);
  });
  return [xs, ...columns];
}

export class WidgetChart {
  #plot: uPlot | undefined;
  #spec: ChartSpec | undefined;
  readonly #container: HTMLElement;
  readonly #describedBy: string | undefined;

  /** `describedBy`: the id of the element holding the chart's summary sentence. */
  constructor(container: HTMLElement, describedBy?: string) {
    this.#container = container;
    this.#describedBy = describedBy;
    new ResizeObserver(() => this.#resize()).observe(container);
    document.addEventListener("syslab:theme", () => this.#spec && this.draw(this.#spec));
  }

  draw(spec: ChartSpec): void {
    this.#spec = spec;
    this.#plot?.destroy();
    const fg = cssVariable("--fg-soft");
    const grid = cssVariable("--border");
    const axis = (label: string): uPlot.Axis => ({
      label,
      stroke: fg,
      grid: { stroke: grid, width: 1 },
      ticks: { stroke: grid, width: 1 },
    });
    const options: uPlot.Options = {
      title: spec.title,
      width: Math.max(this.#container.clientWidth, 280),
      height: 320,
      // Latency and throughput read best against a zero baseline, as on the pre-rendered charts.
      scales: { x: { time: false }, y: { range: (_plot, _min, max) => [0, max > 0 ? max * 1.05 : 1] } },
      legend: { live: false },
      axes: [axis(spec.xLabel), axis(spec.yLabel)],
      series: [
        { label: spec.xLabel },
        ...spec.series.map((s, i): uPlot.Series => {
          const colour = cssVariable(COLOUR_VARIABLES[i % COLOUR_VARIABLES.length]!);
          return s.style === "points"
            ? {
                label: s.name,
                stroke: colour,
                fill: colour,
                paths: () => null,
                points: { show: true, size: 8, fill: colour, stroke: colour },
              }
            : {
                label: s.name,
                stroke: colour,
                width: s.emphasis ? 4 : 2,
                spanGaps: true,
                points: { show: false },
              };
        }),
      ],
    };
    this.#container.replaceChildren();
    this.#plot = new uPlot(options, alignedData(spec), this.#container);
    this.#plot.root.setAttribute("role", "img");
    this.#plot.root.setAttribute("aria-label", spec.title);
    if (this.#describedBy) this.#plot.root.setAttribute("aria-describedby", this.#describedBy);
  }

  #resize(): void {
    if (this.#plot) this.#plot.setSize({ width: Math.max(this.#container.clientWidth, 280), height: 320 });
  }
}
