// A traced run's figures (packages/charts/src/trace-figures.ts): the waterfall draws the slowest
// traced request's visits where the trace puts them and its latency split as the breakdown splits
// it; the stacked bars are each band's shares of result.trace.breakdown; tables state the figures;
// and names built to break out of markup stay text.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { formatValue, slowestRequest, traceFiguresHtml } from "@syslab/charts";
import { type Result, simulate } from "@syslab/sim-core";
import { describe, expect, it } from "vitest";

const example = JSON.parse(
  readFileSync(join(import.meta.dirname, "../../examples/servers/pool-queue-full.json"), "utf8"),
);
const result: Result = simulate({
  ...example,
  run: { duration: "3s", warmup: "1s", trace: { sample: 0.5 } },
});
const trace = result.trace!;
const html = traceFiguresHtml(trace, result.components);

const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  if (!m) throw new Error(`no ${name} in ${tag}`);
  return m[1]!;
};
const num = (tag: string, name: string) => Number(attr(tag, name));

/** The rows of the waterfall: each group's data, its outline box and its filled segments. */
function waterfallRows(svg: string) {
  return [...svg.matchAll(/<g class="(request|visit)"[^>]*>[\s\S]*?<\/g>/g)].map((m) => {
    const group = m[0];
    const open = /^<g[^>]*>/.exec(group)![0];
    const rects = [...group.matchAll(/<rect [^>]*\/>/g)].map((r) => r[0]);
    const box = rects.find((r) => r.includes('fill="none"'))!;
    return {
      kind: m[1],
      component: m[1] === "visit" ? attr(open, "data-component") : undefined,
      depth: m[1] === "visit" ? num(open, "data-depth") : 0,
      start: num(open, "data-start"),
      duration: num(open, "data-duration"),
      x: num(box, "x"),
      width: num(box, "width"),
      segments: rects
        .filter((r) => r.includes("data-cause"))
        .map((r) => ({ cause: attr(r, "data-cause"), x: num(r, "x"), width: num(r, "width") })),
    };
  });
}

describe("trace figures", () => {
  const slowest = slowestRequest(trace.requests)!;
  const latency = slowest.end - slowest.start;
  const svg = /<figure data-trace-waterfall[\s\S]*?<\/svg>/.exec(html)![0];
  const rows = waterfallRows(svg);
  const [request, ...visits] = rows;
  // Coordinates are rounded to 0.1 px: a position is good to 0.05 px, i.e. this many seconds.
  const pxSeconds = (px: number) => (px / request!.width) * latency;

  it("draws the slowest traced request, one row per span at its start and for its duration", () => {
    expect(slowest.outcome).toBe("completed");
    expect(html).toContain(`data-request="${slowest.id}"`);
    expect(request!.duration).toBeCloseTo(latency, 9);
    const spans = [...slowest.spans].sort((a, b) => a.start - b.start || a.depth - b.depth);
    expect(visits.map((v) => [v.component, v.depth])).toEqual(spans.map((s) => [s.component, s.depth]));
    visits.forEach((visit, i) => {
      const span = spans[i]!;
      expect(visit.start).toBeCloseTo(span.start - slowest.start, 9);
      expect(visit.duration).toBeCloseTo(span.end - span.start, 9);
      // Drawn where the data says, within the request's bounds.
      expect(Math.abs(pxSeconds(visit.x - request!.x) - visit.start)).toBeLessThanOrEqual(pxSeconds(0.1));
      expect(Math.abs(pxSeconds(visit.width) - visit.duration)).toBeLessThanOrEqual(pxSeconds(0.1));
      expect(visit.x).toBeGreaterThanOrEqual(request!.x);
      expect(visit.x + visit.width).toBeLessThanOrEqual(request!.x + request!.width + 0.1);
    });
  });

  it("fills the request's row with its latency, split as its breakdown splits it", () => {
    const width = request!.segments.reduce((sum, s) => sum + s.width, 0);
    expect(Math.abs(width - request!.width)).toBeLessThanOrEqual(0.1 * request!.segments.length);
    for (const cause of ["queue", "poolWait", "work", "untraced"] as const) {
      const drawn = request!.segments.filter((s) => s.cause === cause);
      const seconds = pxSeconds(drawn.reduce((sum, s) => sum + s.width, 0));
      expect(Math.abs(seconds - slowest.breakdown[cause]), cause).toBeLessThanOrEqual(
        pxSeconds(0.1 * Math.max(1, drawn.length)),
      );
    }
    // This request waited for a pool connection: the figure shows it.
    expect(slowest.breakdown.poolWait).toBeGreaterThan(0);
    expect(request!.segments.some((s) => s.cause === "poolWait")).toBe(true);
    // The caption says it in words, naming only the causes it spent time on.
    const caption = /<figcaption>([^<]*)<\/figcaption>/.exec(html)![1]!;
    expect(caption).toContain(`${formatValue(slowest.breakdown.poolWait, "duration")} pool wait`);
    expect(caption).toContain(`of its ${formatValue(latency, "duration")}.`);
    expect(slowest.breakdown.queue).toBe(0);
    expect(caption).not.toContain("queued");
  });

  it("draws each band's bar from result.trace.breakdown's shares, and states them in a table", () => {
    const figure = /<figure data-trace-breakdown[\s\S]*?<\/figure>/.exec(html)![0];
    const bands = [...figure.matchAll(/<g class="band" data-band="(p\d+) band">([\s\S]*?)<\/g>/g)];
    expect(bands.map((b) => b[1])).toEqual(["p50", "p90", "p99"]);
    for (const [, key, body] of bands) {
      const band = trace.breakdown.bands[key as "p50" | "p90" | "p99"];
      expect(band.requests).toBeGreaterThan(0);
      const rects = [...body!.matchAll(/<rect [^>]*>/g)].map((r) => r[0]);
      const shares = Object.fromEntries(rects.map((r) => [attr(r, "data-cause"), num(r, "data-share")]));
      // Every cause with a share has its segment, at exactly that share.
      const expected = Object.fromEntries(Object.entries(band.share).filter(([, share]) => share > 0));
      expect(shares).toEqual(expected);
      const widths = rects.map((r) => num(r, "width"));
      const full = widths.reduce((a, b) => a + b, 0);
      expect(Math.abs(full - 460)).toBeLessThanOrEqual(0.1 * rects.length);
      rects.forEach((r, i) => {
        expect(Math.abs(widths[i]! / 460 - num(r, "data-share"))).toBeLessThanOrEqual(0.1 / 460);
      });
      // The table row states the same shares.
      const row = new RegExp(`<tr data-band="${key} band">([\\s\\S]*?)</tr>`).exec(html)![1]!;
      for (const cause of ["queue", "poolWait", "work", "untraced"] as const)
        expect(row).toContain(`${formatValue(band.share[cause], "percent")} (`);
      expect(row).toContain(`<td class="num">${band.requests}</td>`);
    }
  });

  it("lists every visit with its start, duration and own time by cause, and the whole request's sums", () => {
    const table = /<table><caption>Visits of request[\s\S]*?<\/table>/.exec(html)![0];
    const body = [...table.matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)][0]![1]!;
    expect(body.match(/<tr>/g)).toHaveLength(slowest.spans.length);
    const foot = /<tfoot>([\s\S]*?)<\/tfoot>/.exec(table)![1]!;
    const cells = [...foot.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1]);
    const d = (s: number) => formatValue(s, "duration");
    const b = slowest.breakdown;
    expect(cells).toEqual(["—", d(0), d(latency), d(b.queue), d(b.poolWait), d(b.work), d(b.untraced)]);
  });

  it("keeps hostile class and component names as text", () => {
    const hostile = `</title><script>alert("x")</script><img src=x onerror=alert(1)>'"&`;
    const scenario = {
      version: 1,
      seed: 3,
      run: { requests: 300, trace: { sample: 1 } },
      workload: {
        arrival: { process: "poisson", rate: 3 },
        requests: [{ name: hostile, steps: [{ call: `pool ${hostile}`, hold: { exp: "1s" } }] }],
      },
      entry: `pool ${hostile}`,
      components: {
        [`pool ${hostile}`]: { type: "pool", size: 2, target: `db ${hostile}` },
        [`db ${hostile}`]: { type: "station", servers: 2 },
      },
    };
    const run = simulate(scenario);
    const out = traceFiguresHtml(run.trace!, run.components);
    expect(out).toContain("data-trace-waterfall");
    expect(out).not.toMatch(/<(script|img)/i);
    expect(out).not.toContain("</title><script");
    const escaped =
      "&lt;/title&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&#39;&quot;&amp;";
    expect(out).toContain(`data-component="pool ${escaped}"`);
    expect(out).toContain(`<th scope="row">pool ${escaped}</th>`);
    expect(out).toContain(`(${escaped})`);
    // Well-formed: every element opened is closed, in order.
    const stack: string[] = [];
    for (const m of out.matchAll(/<(\/?)([a-zA-Z]+)([^>]*?)(\/?)>/g)) {
      if (m[4]) continue;
      if (m[1]) expect(stack.pop()).toBe(m[2]);
      else stack.push(m[2]!);
    }
    expect(stack).toEqual([]);
  });

  it("draws the first 40 visits of a request that made more, and lists them all", () => {
    const spans = Array.from({ length: 50 }, (_, i) => ({
      component: `s${i}`,
      start: 1 + i * 0.01,
      end: 1.01 + i * 0.01,
      queued: 0,
      depth: 0,
    }));
    const wide = { id: 9, class: "fan", start: 1, end: 1.5, outcome: "completed", spans };
    const out = traceFiguresHtml({ ...trace, requests: [wide] }, {});
    expect(out.match(/<g class="visit"/g)).toHaveLength(40);
    expect(out).toContain("… 10 more visits, listed in the table");
    const body = /<caption>Visits of request 9[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(out)![1]!;
    expect(body.match(/<tr>/g)).toHaveLength(50);
  });

  it("draws nothing for a trace that kept no request", () => {
    expect(traceFiguresHtml({ ...trace, requests: [] }, result.components)).toBe("");
  });
});
