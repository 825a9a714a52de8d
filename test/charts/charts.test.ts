// The charts are valid, accessible SVG, escape every text, and place values where they belong.

import { barChartSvg, groupedBarChartSvg, lineChartSvg } from "@syslab/charts";
import { expect, test } from "vitest";

/** A small well-formedness check: every opened element is closed, in order. */
function assertWellFormed(svg: string) {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)([^>]*?)(\/?)>/g)) {
    const [, closing, name, , selfClosing] = m;
    if (selfClosing) continue;
    if (closing) expect(stack.pop()).toBe(name);
    else stack.push(name!);
  }
  expect(stack).toEqual([]);
}

const line = () =>
  lineChartSvg({
    title: "Latency <p99> & friends",
    xLabel: "time (s)",
    yLabel: "latency",
    yFormat: "duration",
    series: [
      {
        name: 'mean "latency"',
        points: [
          [0, 0.001],
          [10, 0.003],
          [20, 0.002],
        ],
      },
      {
        name: "p99",
        points: [
          [0, 0.01],
          [20, 0.02],
        ],
      },
    ],
  });

test("a line chart is an accessible SVG image with title and description", () => {
  const svg = line();
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg).toContain('role="img"');
  const [, ids] = /aria-labelledby="([^"]+)"/.exec(svg)!;
  for (const id of ids!.split(" ")) expect(svg).toContain(`id="${id}"`);
  expect(svg).toMatch(/<title id="[^"]+">Latency &lt;p99&gt; &amp; friends<\/title>/);
  expect(svg).toMatch(
    /<desc id="[^"]+">latency against time \(s\)\. mean &quot;latency&quot;: 3 points from 1 ms to 3 ms/,
  );
  assertWellFormed(svg);
});

test("text is escaped everywhere and never breaks out of the markup", () => {
  const svg = line();
  expect(svg).not.toContain("<p99>");
  expect(svg).not.toContain('"latency"');
  expect(svg).toContain("mean &quot;latency&quot;");
});

test("axis ticks are nice numbers with units, and points land on the scale", () => {
  const svg = line();
  const yLabels = [...svg.matchAll(/text-anchor="end" dominant-baseline="middle">([^<]+)</g)].map(
    (m) => m[1],
  );
  expect(yLabels).toEqual(["0 ms", "5 ms", "10 ms", "15 ms", "20 ms"]);
  const xLabels = [...svg.matchAll(/font-size="11" fill="#57606a" text-anchor="middle">([^<]+)</g)].map(
    (m) => m[1],
  );
  expect(xLabels).toEqual(["0", "5", "10", "15", "20"]);
  // Two series → two paths; the second goes from y = 10 ms to y = 20 ms (the top of the plot).
  const paths = [...svg.matchAll(/<path [^>]*d="([^"]+)"/g)].map((m) => m[1]!);
  expect(paths).toHaveLength(2);
  const top = /y1="(\d+(?:\.\d+)?)" y2="\1" stroke="#d8dee4"[^>]*\/><text[^>]*>20 ms/.exec(svg)![1];
  expect(paths[1]!.endsWith(` ${top}`)).toBe(true);
});

test("every coloured element carries a class, so a page can restyle an inlined chart (dark theme)", () => {
  const svg = line();
  const texts = [...svg.matchAll(/<text [^>]*>/g)].map((m) => m[0]);
  expect(texts.length).toBeGreaterThan(10);
  for (const text of texts) expect(text).toMatch(/class="chart-(text|muted)"/);
  for (const gridLine of svg.match(/<line [^>]*stroke="#d8dee4"[^>]*>/g)!)
    expect(gridLine).toContain('class="chart-grid"');
  // Series i's line and legend swatch share chart-series-(i+1); the light colours stay as attributes.
  expect(svg).toMatch(/<path class="chart-series-1" [^>]*stroke="#0072B2"/);
  expect(svg).toMatch(/<path class="chart-series-2" [^>]*stroke="#D55E00"/);
  expect(svg).toMatch(/<rect class="chart-series-2" [^>]*fill="#D55E00"/);
  expect(svg).toMatch(/<rect class="chart-bg" [^>]*fill="#ffffff"/);
});

test("the same chart renders to the same bytes, and different charts get different ids", () => {
  expect(line()).toBe(line());
  const other = barChartSvg({ title: "Other", yLabel: "v", bars: [{ label: "a", value: 1 }] });
  const id = (s: string) => /<title id="([^"]+)"/.exec(s)![1];
  expect(id(line())).not.toBe(id(other));
});

test("a bar chart shows each labelled value and escapes labels", () => {
  const svg = barChartSvg({
    title: "Latency percentiles",
    yLabel: "latency",
    yFormat: "duration",
    bars: [
      { label: "p50", value: 0.002 },
      { label: "p99", value: 0.04 },
      { label: "<max>", value: 0.05 },
    ],
  });
  assertWellFormed(svg);
  expect(svg.match(/<rect [^>]*fill="#0072B2"/g)).toHaveLength(3);
  expect(svg).toContain("<title>p99: 40 ms</title>");
  expect(svg).toContain("&lt;max&gt;");
  expect(svg).not.toContain("<max>");
  expect(svg).toContain("<desc");
  // Taller bar for the larger value.
  const heights = [...svg.matchAll(/<rect [^>]*height="([\d.]+)" rx="2"/g)].map((m) => Number(m[1]));
  expect(heights[1]! / heights[0]!).toBeCloseTo(20, 0);
});

test("a grouped bar chart draws each series' value per label side by side, with a legend and marks", () => {
  const svg = groupedBarChartSvg({
    title: "a <and> b",
    yLabel: "latency",
    yFormat: "duration",
    labels: ["p50", "p99"],
    series: [
      { name: "a: <four>", mark: "a", values: [0.002, 0.04] },
      { name: "b: eight & more", mark: "b", values: [0.001, Number.NaN] },
    ],
  });
  assertWellFormed(svg);
  expect(svg).not.toContain("NaN");
  // Two bars per series, plus its legend swatch, each in the series' colour and class.
  expect(svg.match(/<rect class="chart-series-1" [^>]*fill="#0072B2"/g)).toHaveLength(3);
  expect(svg.match(/<rect class="chart-series-2" [^>]*fill="#D55E00"/g)).toHaveLength(3);
  expect(svg).toContain("<title>a: &lt;four&gt;, p99: 40 ms</title>");
  expect(svg).toContain(">b: eight &amp; more</text>");
  expect(svg).not.toContain("<four>");
  // Heights follow the values: a's p99 is 20 times its p50, b's p50 half a's; a non-finite value is 0.
  const heights = [...svg.matchAll(/<rect [^>]*height="([\d.]+)" rx="2"/g)].map((m) => Number(m[1]));
  const [aP50, bP50, aP99, bP99] = heights.slice(2);
  expect(aP99! / aP50!).toBeCloseTo(20, 0);
  expect(bP50! / aP50!).toBeCloseTo(0.5, 1);
  expect(bP99).toBe(0);
  // Side by side within a group: b's bar starts where a's ends.
  const xs = [
    ...svg.matchAll(
      /<rect class="chart-series-\d" x="([\d.]+)" [^>]*width="([\d.]+)" height="[\d.]+" rx="2"/g,
    ),
  ]
    .slice(2)
    .map((m) => [Number(m[1]), Number(m[2])]);
  expect(xs[1]![0]).toBeCloseTo(xs[0]![0]! + xs[0]![1]! + 2, 1);
  expect([...svg.matchAll(/font-size="10" [^>]*>([ab])<\/text>/g)].map((m) => m[1])).toEqual([
    "a",
    "b",
    "a",
    "b",
  ]);
});

test("empty series and non-finite values do not produce NaN coordinates", () => {
  const svg = lineChartSvg({
    title: "t",
    xLabel: "x",
    yLabel: "y",
    series: [{ name: "s", points: [[0, Number.NaN]] }],
  });
  expect(svg).not.toContain("NaN");
  const bars = barChartSvg({
    title: "t",
    yLabel: "y",
    bars: [{ label: "a", value: Number.POSITIVE_INFINITY }],
  });
  expect(bars).not.toContain("NaN");
  expect(bars).not.toContain("Infinity");
});

test('a "points" series draws a marker per point and no line; an emphasised line is drawn heavier', () => {
  const svg = lineChartSvg({
    title: "Theory and samples",
    xLabel: "x",
    yLabel: "y",
    series: [
      {
        name: "theory",
        emphasis: true,
        points: [
          [0, 1],
          [1, 2],
          [2, 3],
        ],
      },
      {
        name: "simulated",
        style: "points",
        points: [
          [0, 1.1],
          [1, 1.9],
          [2, 3.05],
        ],
      },
    ],
  });
  assertWellFormed(svg);
  expect(svg.match(/<path class="chart-series-1" [^>]*stroke-width="4"/g)).toHaveLength(1);
  expect(svg).not.toMatch(/<path class="chart-series-2"/);
  // Three markers in the plot and one in the legend.
  expect(svg.match(/<circle cx="[\d.]+" cy="[\d.]+" r="4" class="chart-series-2"/g)).toHaveLength(3);
  expect(svg.match(/<circle class="chart-series-2"/g)).toHaveLength(1);
});
