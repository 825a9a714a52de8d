/**
 * A run's traces in the Chrome Trace Event format (JSON object form), which ui.perfetto.dev and
 * chrome://tracing open as they are. Each request is an async span (begin "b" / end "e", one id
 * per request) on the "requests" track; each visit is a complete event ("X") on its component's
 * process, in a thread track per request, so the visits on one track never overlap. A flow arrow
 * (start "s" / finish "f", one id per call) joins each nested visit to the visit that called it.
 * Times are microseconds, as the format wants
 * (https://docs.google.com/document/d/1CvAClvFfyA5R-PhYUmn5OOQtYMH4h6I0nSsKchNAySU).
 */
import type { TraceSummary } from "../result/model";

export interface ChromeTraceEvent {
  name: string;
  ph: "b" | "e" | "X" | "M" | "s" | "f";
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  cat?: string;
  id?: string;
  /** A flow's finish binds to the slice it lands in ("e": enclosing), not to the next one. */
  bp?: "e";
  args?: Record<string, unknown>;
}

export interface ChromeTrace {
  traceEvents: ChromeTraceEvent[];
  displayTimeUnit: "ms";
}

const REQUESTS_PID = 0;
const micros = (seconds: number) => Math.round(seconds * 1e9) / 1e3; // µs, to the nanosecond

export function chromeTrace(trace: TraceSummary): ChromeTrace {
  const events: ChromeTraceEvent[] = [
    { name: "process_name", ph: "M", pid: REQUESTS_PID, tid: 0, args: { name: "requests" } },
  ];
  const components = [...new Set(trace.requests.flatMap((r) => r.spans.map((s) => s.component)))].sort();
  const pidOf = new Map(components.map((name, i) => [name, i + 1]));
  for (const [name, pid] of pidOf)
    events.push({ name: "process_name", ph: "M", pid, tid: 0, args: { name } });
  for (const request of trace.requests) {
    const id = String(request.id);
    const common = { name: request.class, cat: "request", id, pid: REQUESTS_PID, tid: 0 };
    events.push({ ...common, ph: "b", ts: micros(request.start), args: { request: request.id } });
    events.push({ ...common, ph: "e", ts: micros(request.end), args: { outcome: request.outcome } });
    const tracks = new Set<number>();
    request.spans.forEach((span, index) => {
      const pid = pidOf.get(span.component)!;
      if (!tracks.has(pid)) {
        tracks.add(pid);
        events.push({
          name: "thread_name",
          ph: "M",
          pid,
          tid: request.id + 1,
          args: { name: `request ${request.id}` },
        });
      }
      events.push({
        name: span.component,
        cat: "visit",
        ph: "X",
        pid,
        tid: request.id + 1,
        ts: micros(span.start),
        dur: micros(span.end) - micros(span.start),
        args: { request: request.id, class: request.class, queued: span.queued, depth: span.depth },
      });
      // The caller: the visit one frame shallower that holds this one (spans are listed as visits end).
      const caller = request.spans.find(
        (outer) => outer.depth === span.depth - 1 && outer.start <= span.start && outer.end >= span.end,
      );
      if (caller !== undefined) {
        const flow = { name: "call", cat: "call", id: `${request.id}.${index}`, ts: micros(span.start) };
        events.push({ ...flow, ph: "s", pid: pidOf.get(caller.component)!, tid: request.id + 1 });
        events.push({ ...flow, ph: "f", bp: "e", pid, tid: request.id + 1 });
      }
    });
  }
  return { traceEvents: events, displayTimeUnit: "ms" };
}
