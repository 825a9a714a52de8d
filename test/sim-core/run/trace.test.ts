/**
 * Per-request traces (packages/sim-core/src/run/trace-recorder.ts) and their Chrome Trace Event
 * export (chrome-trace.ts): tracing changes no statistic; traces of every request give back the
 * run's own figures by Little's law; the export is well-formed (matched async begin/end pairs,
 * complete events that never overlap on a track); the reservoir keeps at most `max`.
 */
import { chromeTrace, type Result, runScenario, simulate } from "@syslab/sim-core";
import { describe, expect, it } from "vitest";
import { checkChromeTrace } from "../support/chrome-trace";
import { exp, openStation } from "../support/scenarios";

const LAMBDA = 1.5;
const SERVERS = 2;

/** M/M/2 at ρ = 0.75 measured for `duration` seconds, no warm-up: every request in the window is traced. */
function mm2(duration: number) {
  const scenario = openStation({ rate: LAMBDA, service: exp(1), station: { servers: SERVERS }, seed: 3 });
  return {
    ...scenario,
    run: {
      ...scenario.run,
      length: { kind: "time" as const, duration },
      warmup: { kind: "time" as const, duration: 0 },
    },
  };
}

describe("traces", () => {
  it("a traced run's statistics are the untraced run's", () => {
    const plain = runScenario(mm2(2000));
    const traced = runScenario(mm2(2000), { trace: { sample: 0.3, max: 100 } });
    const { trace, ...rest } = traced;
    expect(rest).toEqual(plain);
    expect(trace!.requests.length).toBe(100);
    // About 30% of the ~3000 measured arrivals were sampled.
    expect(trace!.sampled).toBeGreaterThan(
      0.3 * plain.requests.arrived - 4 * Math.sqrt(0.21 * plain.requests.arrived),
    );
    expect(trace!.sampled).toBeLessThan(
      0.3 * plain.requests.arrived + 4 * Math.sqrt(0.21 * plain.requests.arrived),
    );
  });

  it("traces of every request give back the run's figures: Little's law, queue lengths and utilisation", () => {
    const T = 4000;
    const result: Result = runScenario(mm2(T), { trace: { sample: 1, max: 100_000 } });
    const requests = result.trace!.requests;
    expect(requests.length).toBeGreaterThan(0.99 * result.requests.completed);
    const overlap = (start: number, end: number) => Math.max(0, Math.min(end, T) - Math.max(start, 0));
    // L = (1/T) ∫ N(t) dt: the requests' spans inside the window, over its length.
    const inSystem = requests.reduce((sum, r) => sum + overlap(r.start, r.end), 0) / T;
    // Requests still in the system at the end are not traced: about L·W/T short, under 0.1%.
    expect(inSystem).toBeCloseTo(result.inSystem.mean, 2);
    const spans = requests.flatMap((r) => r.spans);
    const queued = spans.reduce((sum, s) => sum + s.queued, 0) / T;
    const busy = spans.reduce((sum, s) => sum + (s.end - s.start - s.queued), 0) / T;
    const q = result.components.q!;
    expect(queued).toBeCloseTo(q.queueLength.mean, 2);
    expect(busy / SERVERS).toBeCloseTo(q.utilization, 2);
    // Each request's one visit covers its whole latency here (the station is the entry).
    for (const r of requests.slice(0, 200)) {
      expect(r.spans).toHaveLength(1);
      expect(r.spans[0]!.end - r.spans[0]!.start).toBeCloseTo(r.end - r.start, 6);
    }
  });

  it("exports Chrome Trace Events with matched async pairs and complete events that never overlap on a track", () => {
    const result = runScenario(mm2(500), { trace: { sample: 1, max: 1000 } });
    const trace = chromeTrace(result.trace!);
    checkChromeTrace(trace);
    const complete = trace.traceEvents.filter((e) => e.ph === "X");
    expect(complete.length).toBe(result.trace!.requests.reduce((n, r) => n + r.spans.length, 0));
    expect(trace.traceEvents.filter((e) => e.ph === "b").length).toBe(result.trace!.requests.length);
  });

  it("records nested visits of a call, each inside its caller's", () => {
    const result = simulate({
      version: 1,
      seed: 2,
      run: { duration: "200s", trace: { sample: 1 } },
      workload: {
        arrival: { process: "poisson", rate: 2 },
        requests: [
          {
            name: "page",
            steps: [
              { cpu: { exp: "50ms" } },
              { call: "db", steps: [{ cpu: { exp: "20ms" } }] },
              { cpu: "10ms" },
            ],
          },
        ],
      },
      entry: "web",
      components: {
        web: { type: "server", cores: 2, architecture: { kind: "thread-pool", threads: 8 } },
        db: { type: "server", cores: 2, architecture: { kind: "thread-pool", threads: 8 } },
      },
    });
    const request = result.trace!.requests.find((r) => r.outcome === "completed")!;
    const web = request.spans.find((s) => s.component === "web")!;
    const db = request.spans.find((s) => s.component === "db")!;
    expect(web.depth).toBe(0);
    expect(db.depth).toBe(1);
    expect(db.start).toBeGreaterThanOrEqual(web.start);
    expect(db.end).toBeLessThanOrEqual(web.end);
    const chrome = chromeTrace(result.trace!);
    checkChromeTrace(chrome);
    // One flow arrow per call to db, from the web visit's track to the db visit's.
    const nested = result.trace!.requests.reduce((n, r) => n + r.spans.filter((s) => s.depth > 0).length, 0);
    const starts = chrome.traceEvents.filter((e) => e.ph === "s");
    expect(starts.length).toBe(nested);
    const processName = (pid: number) =>
      chrome.traceEvents.find((e) => e.ph === "M" && e.name === "process_name" && e.pid === pid)!.args!.name;
    expect(new Set(starts.map((e) => processName(e.pid)))).toEqual(new Set(["web"]));
    const finishes = chrome.traceEvents.filter((e) => e.ph === "f");
    expect(new Set(finishes.map((e) => processName(e.pid)))).toEqual(new Set(["db"]));
  });
});
