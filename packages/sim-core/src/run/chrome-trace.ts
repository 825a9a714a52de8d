/**
 * A run's traces in the Chrome Trace Event format (JSON object form), which ui.perfetto.dev and
 * chrome://tracing open as they are. Each request is an async span (begin "b" / end "e", one id
 * per request) on the "requests" track; each visit is a complete event ("X") on its component's
 * process, in a thread track per request, so the visits on one track never overlap. Times are
 * microseconds, as the format wants.
 */
import type { TraceSummary } from "../result/model";

export interface ChromeTraceEvent {
  name: string;
  ph: "b" | "e" | "X" | "M";
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  cat?: string;
  id?: string;
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
    for (const span of request.spans) {
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
    }
  }
  return { traceEvents: events, displayTimeUnit: "ms" };
}
