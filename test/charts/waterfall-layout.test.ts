// A traced request laid out on its timeline (packages/charts/src/waterfall-layout.ts): one row per
// visit at the trace's own start and duration, each instant of the latency in exactly one row's
// segment or in `untraced`, so that each cause's segments add up to the request's breakdown.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { slowestRequest, type TracedRequest, waterfallLayout } from "@syslab/charts";
import { type RequestTrace, type Result, simulate } from "@syslab/sim-core";
import { describe, expect, it } from "vitest";

const ns = (seconds: number) => Math.round(seconds * 1e9);
const example = (path: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, "../../examples", path), "utf8"));

/** `path`'s example, traced in full over a short run (pgbouncer's bursts come on for the first second of five). */
function traced(path: string): Result {
  return simulate({
    ...example(path),
    run: { duration: "2s", warmup: "0.5s", trace: { sample: 1, max: 2000 } },
  });
}

const typeOf = (result: Result) => (name: string) => result.components[name]?.type;

/** Every request's rows match its spans, lie within the plot, and its segments add up to its breakdown. */
function expectFaithful(result: Result): void {
  const requests = result.trace!.requests;
  expect(requests.length).toBeGreaterThan(50);
  for (const request of requests) {
    const w = waterfallLayout(request, typeOf(result));
    const latency = request.end - request.start;
    expect(ns(w.latency)).toBe(ns(request.end) - ns(request.start));
    // One row per span, at the span's own start and for its own duration.
    const spans = [...request.spans].sort((a, b) => a.start - b.start || a.depth - b.depth);
    expect(w.rows.map((row) => [row.component, row.depth])).toEqual(spans.map((s) => [s.component, s.depth]));
    w.rows.forEach((row, i) => {
      expect(row.start).toBeCloseTo(spans[i]!.start - request.start, 9);
      expect(row.end - row.start).toBeCloseTo(spans[i]!.end - spans[i]!.start, 9);
    });
    const segments = [...w.rows.flatMap((row) => row.segments), ...w.untraced];
    for (const s of segments) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeGreaterThan(s.start);
      expect(ns(s.end)).toBeLessThanOrEqual(ns(latency) + 1);
    }
    // Each cause's segments add up to its breakdown figure, to a nanosecond per segment.
    const sums = { queue: 0, poolWait: 0, work: 0, untraced: 0 };
    for (const s of segments) sums[s.cause] += ns(s.end) - ns(s.start);
    for (const cause of ["queue", "poolWait", "work", "untraced"] as const)
      expect(
        Math.abs(sums[cause] - ns(request.breakdown[cause])),
        `request ${request.id} ${cause}`,
      ).toBeLessThanOrEqual(segments.length);
    // And the segments never overlap: together they are the latency, once.
    const sorted = [...segments].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++)
      expect(ns(sorted[i]!.start)).toBeGreaterThanOrEqual(ns(sorted[i - 1]!.end) - 1);
    expect(
      Math.abs(segments.reduce((sum, s) => sum + ns(s.end) - ns(s.start), 0) - ns(latency)),
    ).toBeLessThanOrEqual(segments.length);
  }
}

describe("waterfall layout", () => {
  it("splits nested visits by cause, the callee's time on its own row, and clips visits at a timed-out answer", () => {
    const types = new Map([
      ["web", "server"],
      ["pool", "pool"],
      ["db", "station"],
    ]);
    const spans = [
      { component: "db", start: 4, end: 8, queued: 0.5, depth: 2 },
      { component: "pool", start: 3, end: 8, queued: 1.5, depth: 1 },
      { component: "web", start: 0, end: 10, queued: 3.5, depth: 0 },
    ];
    const request: TracedRequest = { id: 1, class: "page", start: 0, end: 10, outcome: "completed", spans };
    const w = waterfallLayout(request, (name) => types.get(name));
    expect(w.rows.map((row) => row.component)).toEqual(["web", "pool", "db"]);
    // web: queued 3.5 − 1.5 nested = 2 first, then work around the pool's 3…8.
    expect(w.rows[0]!.segments).toEqual([
      { cause: "queue", start: 0, end: 2 },
      { cause: "work", start: 2, end: 3 },
      { cause: "work", start: 8, end: 10 },
    ]);
    // pool: 1.5 − 0.5 = 1 waiting for a connection, before the database has the request.
    expect(w.rows[1]!.segments).toEqual([{ cause: "poolWait", start: 3, end: 4 }]);
    expect(w.rows[2]!.segments).toEqual([
      { cause: "queue", start: 4, end: 4.5 },
      { cause: "work", start: 4.5, end: 8 },
    ]);
    expect(w.untraced).toEqual([]);
    // Answered (a timeout) at 6: the rows keep their bounds, the segments stop at the answer.
    const timedOut = waterfallLayout({ ...request, end: 6, outcome: "timeout" }, (name) => types.get(name));
    expect(timedOut.rows[0]).toMatchObject({ start: 0, end: 10 });
    expect(timedOut.rows[2]!.segments).toEqual([
      { cause: "queue", start: 4, end: 4.5 },
      { cause: "work", start: 4.5, end: 6 },
    ]);
    expect(timedOut.rows[0]!.segments.at(-1)).toEqual({ cause: "work", start: 2, end: 3 });
    // Time in no visit, before the first attempt's visit, is untraced.
    const retried = waterfallLayout({ ...request, start: -1 }, (name) => types.get(name));
    expect(retried.untraced).toEqual([{ cause: "untraced", start: 0, end: 1 }]);
    expect(retried.rows[0]!.start).toBe(1);
  });

  it("matches every traced request of a server calling a pool with a full queue", () => {
    expectFaithful(traced("servers/pool-queue-full.json"));
  });

  it("matches every traced request through a balancer, and through pgbouncer in front of Postgres", () => {
    expectFaithful(traced("balancing/power-of-two.json"));
    expectFaithful(traced("servers/pgbouncer.json"));
  });

  it("picks the slowest completed request, the lower id on a tie, and any outcome when none completed", () => {
    const r = (id: number, latency: number, outcome = "completed"): RequestTrace =>
      ({ id, class: "c", start: 1, end: 1 + latency, outcome, spans: [] }) as unknown as RequestTrace;
    expect(slowestRequest([r(1, 0.2), r(2, 0.5), r(3, 0.9, "timeout"), r(4, 0.5)])?.id).toBe(2);
    expect(slowestRequest([r(1, 0.2, "rejected"), r(2, 0.9, "timeout")])?.id).toBe(2);
    expect(slowestRequest([])).toBeUndefined();
    const result = traced("servers/pool-queue-full.json");
    const completed = result.trace!.requests.filter((q) => q.outcome === "completed");
    const slowest = slowestRequest(result.trace!.requests)!;
    expect(slowest.end - slowest.start).toBe(Math.max(...completed.map((q) => q.end - q.start)));
  });
});
