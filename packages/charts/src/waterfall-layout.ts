// Lays one traced request out on its own timeline: a row per visit, from its start to its end, and
// in each row the instants the visit was the innermost one open, coloured by cause — queued first
// (a request waits in a line, then is served), the rest work — while its nested calls' time belongs
// to their rows. Every instant of the latency lands in exactly one row or in `untraced`, by the
// rules sim-core's latency breakdown follows, so each cause's segments add up to its figure there.
// Worked in integer nanoseconds, as the breakdown is.

import type { LatencyCause } from "./latency-causes";
import type { TracedRequest, TracedSpan } from "./traced-request";

/** A stretch of the request's time, seconds from its arrival. */
export interface WaterfallSegment {
  cause: LatencyCause;
  start: number;
  end: number;
}

export interface WaterfallRow {
  component: string;
  depth: number;
  /** The visit's bounds, seconds from the request's arrival (past the answer if the client gave up first). */
  start: number;
  end: number;
  segments: WaterfallSegment[];
}

export interface Waterfall {
  request: TracedRequest;
  latency: number;
  /** By start, a caller before the visits it made. */
  rows: WaterfallRow[];
  /** The time in no visit. */
  untraced: WaterfallSegment[];
}

const ns = (seconds: number) => Math.round(seconds * 1e9);

/** The slowest completed request (the slowest of any outcome when none completed); ties go to the lower id. */
export function slowestRequest<T extends TracedRequest>(requests: readonly T[]): T | undefined {
  const completed = requests.filter((r) => r.outcome === "completed");
  let slowest: T | undefined;
  for (const r of completed.length > 0 ? completed : requests) {
    const d = ns(r.end) - ns(r.start);
    if (slowest === undefined || d > ns(slowest.end) - ns(slowest.start)) slowest = r;
  }
  return slowest;
}

/** [from, to) less the intervals in `holes` (each within it, sorted by start). */
function gaps(from: number, to: number, holes: readonly [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  let at = from;
  for (const [a, b] of holes) {
    if (a > at) out.push([at, a]);
    at = Math.max(at, b);
  }
  if (to > at) out.push([at, to]);
  return out;
}

/** `componentType` tells a pool (whose queued time is a wait for a connection) from any other line. */
export function waterfallLayout(
  request: TracedRequest,
  componentType: (component: string) => string | undefined,
): Waterfall {
  const start = ns(request.start);
  const end = ns(request.end);
  const at = (t: number) => (t - start) / 1e9;
  const clip = (span: TracedSpan): [number, number] => {
    const from = Math.min(Math.max(ns(span.start), start), end);
    return [from, Math.min(Math.max(ns(span.end), from), end)];
  };
  const spans = [...request.spans].sort((a, b) => a.start - b.start || a.depth - b.depth);
  const rows = spans.map((span): WaterfallRow => {
    const nested = spans.filter(
      (inner) => inner.depth === span.depth + 1 && inner.start >= span.start && inner.end <= span.end,
    );
    const [from, to] = clip(span);
    const own = gaps(from, to, nested.map(clip));
    const ownTime = own.reduce((sum, [a, b]) => sum + b - a, 0);
    // A visit's queued time counts its nested visits' too; its own comes first.
    const ownQueued = Math.max(0, ns(span.queued) - nested.reduce((sum, s) => sum + ns(s.queued), 0));
    let queued = Math.min(ownTime, Math.max(0, Math.min(ns(span.start) + ownQueued, end) - from));
    const queueCause: LatencyCause = componentType(span.component) === "pool" ? "poolWait" : "queue";
    const segments: WaterfallSegment[] = [];
    for (const [a, b] of own) {
      const q = Math.min(queued, b - a);
      queued -= q;
      if (q > 0) segments.push({ cause: queueCause, start: at(a), end: at(a + q) });
      if (b > a + q) segments.push({ cause: "work", start: at(a + q), end: at(b) });
    }
    return {
      component: span.component,
      depth: span.depth,
      start: at(ns(span.start)),
      end: at(ns(span.end)),
      segments,
    };
  });
  const outer = spans.filter((s) => s.depth === 0).map(clip);
  const untraced = gaps(start, end, outer).map(
    ([a, b]): WaterfallSegment => ({ cause: "untraced", start: at(a), end: at(b) }),
  );
  return { request, latency: at(end), rows, untraced };
}
