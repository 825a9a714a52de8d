/**
 * Forensics of one traced request: its latency (arrival to the client's answer) split by what the
 * request was doing, as far as its visits tell. Each instant of the latency goes to exactly one
 * cause: the innermost visit open then (a nested call's time is the callee's, not the caller's),
 * queued time before held time within a visit (a request waits in a line, then is served), and the
 * time in no visit to `untraced`. Worked in integer nanoseconds of the rounded trace times, so the
 * parts add up to the latency exactly, to the nanosecond.
 */
import type { LatencyBreakdown, RequestTrace, TraceSpan } from "../result/model";

/** The causes a trace's visits tell apart, in the order results list them. */
export const BREAKDOWN_CAUSES = ["queue", "poolWait", "work", "untraced"] as const;

const ns = (seconds: number) => Math.round(seconds * 1e9);

/** A span's queued time is a pool's wait for a connection, or a wait in any other component's line. */
const queueCause = (type: string | undefined) => (type === "pool" ? "poolWait" : "queue");

export function latencyBreakdown(
  trace: Omit<RequestTrace, "breakdown">,
  types: ReadonlyMap<string, string>,
): LatencyBreakdown {
  const start = ns(trace.start);
  const end = ns(trace.end);
  const parts = { queue: 0, poolWait: 0, work: 0, untraced: 0 };
  // Visits outlive the answer when the client timed out: only the part before the answer counts.
  const clip = (span: TraceSpan) => {
    const from = Math.min(Math.max(ns(span.start), start), end);
    return { from, to: Math.min(Math.max(ns(span.end), from), end) };
  };
  let covered = 0;
  for (const span of trace.spans) {
    const { from, to } = clip(span);
    if (span.depth === 0) covered += to - from;
    // Its own time: the visit less the visits nested directly inside it (one frame deeper, within
    // it); likewise its own queued time, as a visit's queued time counts its nested visits' too.
    let nested = 0;
    let nestedQueued = 0;
    for (const inner of trace.spans) {
      if (inner.depth !== span.depth + 1 || inner.start < span.start || inner.end > span.end) continue;
      const c = clip(inner);
      nested += c.to - c.from;
      nestedQueued += ns(inner.queued);
    }
    const own = Math.max(0, to - from - nested);
    const ownQueued = Math.max(0, ns(span.queued) - nestedQueued);
    const queued = Math.min(own, Math.max(0, Math.min(ns(span.start) + ownQueued, end) - from));
    parts[queueCause(types.get(span.component))] += queued;
    parts.work += own - queued;
  }
  parts.untraced = end - start - covered;
  return {
    queue: parts.queue / 1e9,
    poolWait: parts.poolWait / 1e9,
    work: parts.work / 1e9,
    untraced: parts.untraced / 1e9,
  };
}
