// A comparison's and a replication set's share pages: both sides' figures side by side, each paired
// difference with its 95% interval and a sentence on whether it can be told from zero; the
// across-replication intervals of a replicated run; and the playground and "Run it yourself" parts
// for a comparison; and a comparison's chart.svg, which draws both sides with a legend and keeps their
// names text. Every figure the page prints is read back and checked against the stored result.
import { escapeXml, formatValue } from "@syslab/charts";
import { type ComparisonResult, parseDocument, type Result, runDocument } from "@syslab/sim-core";
import sharp from "sharp";
import { beforeEach, describe, expect, test } from "vitest";
import { scenarioFromFragment } from "../../../apps/docs/src/scripts/playground-fragment";
import { quickScenario } from "../support/scenarios";
import { postRequest, testAppForThisTest } from "../support/test-app";

let t: ReturnType<typeof testAppForThisTest>;

beforeEach(() => {
  t = testAppForThisTest();
});

/** An M/M/c queue at 3.6 req/s: four servers are busy (90%), eight are not. */
const side = (servers: number, name: string) => ({
  ...quickScenario(9, 3000),
  name,
  run: { requests: 3000, replications: 4 },
  components: { q: { type: "station", servers } },
});

/** Posts `body` to `path` and finishes it with what the API's worker computes for the stored input. */
async function finished<T>(path: string, body: unknown): Promise<{ id: string; output: T }> {
  const created = await t.app.request(path, postRequest(body));
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await new Promise((resolve) => setTimeout(resolve, 0));
  const parsed = parseDocument(JSON.parse(t.executor.pending.get(id)!.task.input));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const output = runDocument(parsed.document).output as T;
  t.executor.finish(id, { ok: true, resultJson: JSON.stringify(output), wallMs: 3 });
  for (let i = 0; i < 100; i++) {
    const run = (await (await t.app.request(`/v1/runs/${id}`)).json()) as { status: string };
    if (run.status === "done") return { id, output };
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("the run did not finish");
}

async function page(id: string): Promise<string> {
  const res = await t.app.request(`http://syslab.test/r/${id}`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/html/);
  expect(res.headers.get("cache-control")).toBe("public, max-age=3600");
  return res.text();
}

const unescaped = (html: string) =>
  html
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&gt;", ">")
    .replaceAll("&lt;", "<")
    .replaceAll("&amp;", "&");

/** The cells of the table row of figure `name` in the table of class `table`. */
function row(html: string, table: string, name: string): string[] {
  const body = new RegExp(`<table class="${table}">[\\s\\S]*?</table>`).exec(html)?.[0] ?? "";
  const tr = new RegExp(`<tr data-figure="${name.replace(".", "\\.")}">([\\s\\S]*?)</tr>`).exec(body)?.[1];
  if (tr === undefined) throw new Error(`no row ${name} in table ${table}`);
  return [...tr.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => unescaped(m[1]!));
}

const interval = ([lo, hi]: [number, number], format: "duration" | "number" | "percent") => {
  const scale = Math.max(Math.abs(lo), Math.abs(hi));
  return `${formatValue(lo, format, scale)} to ${formatValue(hi, format, scale)}`;
};
const signed = (v: number, format: "duration" | "number" | "percent") =>
  `${v > 0 ? "+" : ""}${formatValue(v, format)}`;

describe("a comparison's share page", () => {
  const body = { name: "4 or 8 servers", a: side(4, "four servers"), b: side(8, "eight servers") };

  test("shows both sides and each paired difference with its 95% interval, as stored", async () => {
    const { id, output } = await finished<ComparisonResult>("/v1/comparisons", body);
    const html = await page(id);
    const ra = output.a.replications!;
    const rb = output.b.replications!;
    const d = output.difference;
    expect(row(html, "comparison", "latency.mean")).toEqual([
      "Mean latency",
      formatValue(ra.latency.mean.value, "duration"),
      formatValue(rb.latency.mean.value, "duration"),
      signed(d.latency.mean.value, "duration"),
      interval(d.latency.mean.ci95, "duration"),
      "yes",
    ]);
    expect(row(html, "comparison", "latency.p99").slice(3, 5)).toEqual([
      signed(d.latency.p99.value, "duration"),
      interval(d.latency.p99.ci95, "duration"),
    ]);
    expect(row(html, "comparison", "throughput").slice(1, 5)).toEqual([
      formatValue(ra.throughput.value, "number"),
      formatValue(rb.throughput.value, "number"),
      signed(d.throughput.value, "number"),
      interval(d.throughput.ci95, "number"),
    ]);
    expect(row(html, "comparison", "components.q.utilization").slice(3, 5)).toEqual([
      signed(d.components.q!.utilization.value, "percent"),
      interval(d.components.q!.utilization.ci95, "percent"),
    ]);
    // The exact stored numbers ride along for scripts.
    expect(html).toContain(`data-difference="${d.latency.mean.value}"`);
    expect(html).toContain(`data-ci95="${d.latency.mean.ci95.join(" ")}"`);
    // Eight servers wait far less: the interval of b − a lies below zero, and the page says so.
    expect(d.latency.mean.ci95[1]).toBeLessThan(0);
    expect(unescaped(html)).toContain(
      `<li data-verdict="latency.mean">Mean latency is lower on b by ${formatValue(-d.latency.mean.value, "duration")} (95% interval of b − a: ${interval(d.latency.mean.ci95, "duration")}), a difference distinguishable from zero.</li>`,
    );
    expect(html).toContain("Both ran 4 paired replications on common random numbers");
    expect(html).toContain(
      `<meta name="description" content="b − a: mean latency ${formatValue(d.latency.mean.value, "duration")}`,
    );
    // Each side's own figures, under ids that do not collide.
    expect(html).toContain('<h2 id="side-a-title">Side a: four servers</h2>');
    expect(html).toContain('<h2 id="side-b-title">Side b: eight servers</h2>');
    expect(html).toContain('<h3 id="a-component-q">q <span class="kind">station</span> on side a</h3>');
    expect(html).toContain('<h3 id="b-component-q">q <span class="kind">station</span> on side b</h3>');
  });

  test("a configuration compared with itself differs by exactly zero, which the page says it cannot tell from noise", async () => {
    const same = side(4, "four servers");
    const { id, output } = await finished<ComparisonResult>("/v1/comparisons", { a: same, b: same });
    expect(output.difference.latency.mean).toEqual({ value: 0, ci95: [0, 0] });
    const html = await page(id);
    expect(row(html, "comparison", "latency.mean").slice(3)).toEqual(["0 ns", "0 ns to 0 ns", "no"]);
    expect(unescaped(html)).toContain(
      '<li data-verdict="latency.mean">Mean latency: the 95% interval of b − a, 0 ns to 0 ns, includes zero, so these replications cannot tell b from a.</li>',
    );
  });

  test("opens either side in the playground, and prints the comparison's curl and --compare lines", async () => {
    const { id } = await finished<ComparisonResult>("/v1/comparisons", body);
    const html = await page(id);
    for (const s of ["a", "b"] as const) {
      const href = new RegExp(
        `href="([^"]+)" data-open-playground="${s}">Open ${s} in the playground</a>`,
      ).exec(html)?.[1];
      expect(JSON.parse(scenarioFromFragment(new URL(href!).hash)!)).toEqual(body[s]);
    }
    const json = /<pre tabindex="0" data-scenario-json><code>([\s\S]*?)<\/code><\/pre>/.exec(html)?.[1];
    expect(JSON.parse(unescaped(json!))).toEqual(body);
    const text = unescaped(html);
    expect(text).toContain(
      "curl -X POST 'http://syslab.test/v1/comparisons' -H 'content-type: application/json' --data-binary @comparison.json",
    );
    expect(text).toContain(`curl 'http://syslab.test/v1/comparisons/${id}?wait=60'`);
    expect(text).toContain("npm run --silent sim -- a.json --compare b.json");
    // What each side simulated.
    expect(html).toContain("<h3>a: four servers</h3>");
    expect(html).toContain(
      '<tr><th scope="row">q (entry)</th><td>station</td><td>servers 8</td><td>—</td></tr>',
    );
  });

  test("its card is a 1200×630 PNG", async () => {
    const { id } = await finished<ComparisonResult>("/v1/comparisons", body);
    const res = await t.app.request(`/r/${id}/card.png`);
    expect(res.status).toBe(200);
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", 1200, 630]);
  });
});

describe("a replicated run's share page", () => {
  test("shows every key figure's mean over the replications with its across-replication 95% interval", async () => {
    const { id, output } = await finished<Result>("/v1/runs", side(4, "four servers"));
    const r = output.replications!;
    const html = await page(id);
    expect(html).toContain('<h2 id="replications-title">Across replications</h2>');
    expect(html).toContain(`4 independent replications (seeds ${r.seeds.join(", ")})`);
    expect(row(html, "replications", "latency.mean")).toEqual([
      "Mean latency",
      formatValue(r.latency.mean.value, "duration"),
      interval(r.latency.mean.ci95, "duration"),
    ]);
    expect(row(html, "replications", "latency.p99")).toEqual([
      "p99 latency",
      formatValue(r.latency.p99.value, "duration"),
      interval(r.latency.p99.ci95, "duration"),
    ]);
    expect(row(html, "replications", "throughput").slice(1)).toEqual([
      formatValue(r.throughput.value, "number"),
      interval(r.throughput.ci95, "number"),
    ]);
    expect(row(html, "replications", "components.q.utilization").slice(1)).toEqual([
      formatValue(r.components.q!.utilization.value, "percent"),
      interval(r.components.q!.utilization.ci95, "percent"),
    ]);
    expect(r.latency.mean.ci95[0]).toBeLessThan(r.latency.mean.ci95[1]);
  });

  test("a single run has no replications section", async () => {
    const { id } = await finished<Result>("/v1/runs", quickScenario(4, 500));
    expect(await page(id)).not.toContain("Across replications");
  });
});

describe("a comparison's chart.svg", () => {
  // Names a reader typed: each must reach the SVG as text, never as markup.
  const hostileA = `<script>alert("a")</script> & 'four'`;
  const hostileB = `</text><g onload="alert(1)">eight`;
  const body = { name: "<b>4 or 8</b>", a: side(4, hostileA), b: side(8, hostileB) };

  async function chart(id: string, kind?: string): Promise<string> {
    const res = await t.app.request(`/v1/runs/${id}/chart.svg${kind ? `?kind=${kind}` : ""}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    return res.text();
  }

  /** The legend's entries: the text beside each swatch. */
  const legend = (svg: string) =>
    [
      ...(/<g class="legend">([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? "").matchAll(/<text [^>]*>([^<]*)<\/text>/g),
    ].map((m) => m[1]);

  test("draws both sides' latency bars, told apart by colour, a mark under each bar and a legend", async () => {
    const { id, output } = await finished<ComparisonResult>("/v1/comparisons", body);
    const svg = await chart(id);
    const ra = output.a.replications!.latency;
    const rb = output.b.replications!.latency;
    // Four figures a side, each side in its own colour class (plus its legend swatch).
    const bars = (n: number) => [
      ...svg.matchAll(new RegExp(`<rect class="chart-series-${n}" [^>]*height="([\\d.]+)" rx="2"`, "g")),
    ];
    expect(bars(1)).toHaveLength(5);
    expect(bars(2)).toHaveLength(5);
    expect(legend(svg)).toEqual([`a: ${escapeXml(hostileA)}`, `b: ${escapeXml(hostileB)}`]);
    // Each bar is named for its side and figure; the heights follow the means over the replications.
    for (const figure of ["mean", "p50", "p90", "p99"]) {
      expect(svg).toContain(`<title>a: ${escapeXml(hostileA)}, ${figure}: `);
      expect(svg).toContain(`<title>b: ${escapeXml(hostileB)}, ${figure}: `);
    }
    const height = (n: number, i: number) => Number(bars(n)[i + 1]![1]);
    expect(height(2, 0) / height(1, 0)).toBeCloseTo(rb.mean.value / ra.mean.value, 1);
    expect(height(2, 3) / height(1, 3)).toBeCloseTo(rb.p99.value / ra.p99.value, 1);
    // Eight servers wait far less than four: side b's mean bar is the shorter.
    expect(height(2, 0)).toBeLessThan(height(1, 0));
    expect(svg).toContain(">Latency percentiles, a and b (mean of 4 paired replications)<");
    expect(
      [...svg.matchAll(/font-size="10" [^>]*text-anchor="middle">([ab])<\/text>/g)].map((m) => m[1]),
    ).toEqual(["a", "b", "a", "b", "a", "b", "a", "b"]);
  });

  test("draws both sides' mean latency over time as two lines with a legend", async () => {
    const { id, output } = await finished<ComparisonResult>("/v1/comparisons", body);
    const svg = await chart(id, "series");
    expect(svg).toMatch(/<path class="chart-series-1" /);
    expect(svg).toMatch(/<path class="chart-series-2" /);
    expect(legend(svg)).toEqual([`a: ${escapeXml(hostileA)}`, `b: ${escapeXml(hostileB)}`]);
    // One point per bucket of each side's series.
    const path = (n: number) => new RegExp(`<path class="chart-series-${n}" d="([^"]+)"`).exec(svg)![1]!;
    expect(path(1).split("L")).toHaveLength(output.a.series.time.length);
    expect(path(2).split("L")).toHaveLength(output.b.series.time.length);
  });

  test("the names stay text: no markup of theirs survives, and the SVG parses", async () => {
    const { id } = await finished<ComparisonResult>("/v1/comparisons", body);
    for (const kind of ["latency", "series"]) {
      const svg = await chart(id, kind);
      expect(svg).not.toContain("<script");
      expect(svg).not.toContain('onload="');
      expect(svg).not.toContain("<g onload");
      expect(svg).not.toContain("<b>");
      expect(svg).toContain("&lt;script&gt;alert(&quot;a&quot;)&lt;/script&gt; &amp; &#39;four&#39;");
      // librsvg refuses a document that is not well-formed XML.
      const meta = await sharp(Buffer.from(svg)).metadata();
      expect([meta.format, meta.width]).toEqual(["svg", 640]);
    }
  });
});
