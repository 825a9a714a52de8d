// The blocking vs non-blocking widget's model: one thread on one core, the same closed workload, and
// the throughput bounds of operational analysis (exact here: every time is constant).
import { describe, expect, it } from "vitest";
import { blockingIo, boundThroughput } from "../../../apps/docs/src/widgets/blocking-io";

type View = ReturnType<typeof blockingIo.compute>;
const view = (params: Record<string, number | string>) =>
  blockingIo.compute({ ...blockingIo.defaults, ...params });
const number = (v: View, id: string) => v.numbers.find((n) => n.id === id)!.value;
const series = (v: View, name: string) => v.chart.series.find((s) => s.name === name)!.points;
const sweep = (v: View, name: string) =>
  v.extraFigures![0]!.chart.series.find((s) => s.name === name)!.points;

describe("blocking-io widget", () => {
  it("runs a one-thread pool for blocking and a one-worker event loop for non-blocking", () => {
    const blocking = view({ mode: "blocking" }).scenario as {
      components: { web: { architecture: unknown } };
    };
    const loop = view({ mode: "non-blocking" }).scenario as typeof blocking;
    expect(blocking.components.web.architecture).toMatchObject({ kind: "thread-pool", threads: 1 });
    expect(loop.components.web.architecture).toEqual({ kind: "event-loop", workers: 1 });
  });

  it("with 50 ms CPU + 50 ms I/O and 3 in flight: blocking 10/s at 50 % CPU, non-blocking 20/s at 100 %", () => {
    const blocking = view({ mode: "blocking" });
    const loop = view({ mode: "non-blocking" });
    // 20 s of 100 ms cycles, less the one cut off by the end of the window.
    expect(number(blocking, "throughput")).toBeGreaterThan(9.9);
    expect(number(blocking, "throughput")).toBeLessThanOrEqual(10);
    expect(number(blocking, "cpu-busy")).toBeCloseTo(0.5, 2);
    expect(number(loop, "throughput")).toBeGreaterThan(19.8);
    expect(number(loop, "throughput")).toBeLessThanOrEqual(20);
    expect(number(loop, "cpu-busy")).toBeGreaterThan(0.99);
    expect(number(blocking, "other-throughput")).toBe(number(loop, "throughput"));
  });

  it("traces the CPU the thread has used: flat through each blocking wait, a slope of one without them", () => {
    const v = view({ mode: "blocking" });
    const blocking = new Map(series(v, "Blocking"));
    const loop = new Map(series(v, "Non-blocking"));
    // The first request computes 0–50 ms, then waits 50–100 ms: the blocking line is flat there.
    expect(blocking.get(60)).toBeCloseTo(50, 6);
    expect(blocking.get(100)).toBeCloseTo(50, 6);
    expect(blocking.get(300)).toBeCloseTo(150, 0);
    // The loop computes the second request during the first one's wait. Counters advance a slice
    // (3 ms) at a time, so the line trails the instant by less than one slice.
    expect(loop.get(100)!).toBeGreaterThan(97);
    expect(loop.get(300)!).toBeGreaterThan(297);
    for (const [ms, used] of loop) expect(used).toBeLessThanOrEqual(ms);
  });

  it("matches the bounds across the I/O sweep, and the loop saturates the core up to (N − 1) × CPU of wait", () => {
    const v = view({ mode: "non-blocking", cpu: 10, clients: 10 });
    for (const [io, simulated] of sweep(v, "Blocking, simulated")) {
      const bound = boundThroughput("blocking", { cpuMs: 10, ioMs: io, clients: 10 });
      expect(simulated, `blocking at ${io} ms`).toBeCloseTo(bound, 0);
    }
    for (const [io, simulated] of sweep(v, "Non-blocking, simulated")) {
      const bound = boundThroughput("non-blocking", { cpuMs: 10, ioMs: io, clients: 10 });
      // All ten clients start together, so the first cycle runs below the bound.
      expect(simulated, `non-blocking at ${io} ms`).toBeLessThanOrEqual(bound);
      expect(simulated, `non-blocking at ${io} ms`).toBeGreaterThan(0.98 * bound);
    }
    // 9 × 10 ms = 90 ms of others' CPU covers a 50 ms wait but not a 100 ms one.
    expect(boundThroughput("non-blocking", { cpuMs: 10, ioMs: 50, clients: 10 })).toBe(100);
    expect(boundThroughput("non-blocking", { cpuMs: 10, ioMs: 100, clients: 10 })).toBeCloseTo(90.9, 1);
  });

  it("with one request in flight there is nothing to overlap: both threads complete the same", () => {
    const v = view({ mode: "blocking", clients: 1 });
    expect(number(v, "throughput")).toBe(number(v, "other-throughput"));
  });
});
