// The Python concurrency widget's model: the claims its page makes, checked on the runs it draws.
import { describe, expect, it } from "vitest";
import { pythonConcurrency } from "../../../apps/docs/src/widgets/python-concurrency";

type View = ReturnType<typeof pythonConcurrency.compute>;
const view = (params: Record<string, number | string>) =>
  pythonConcurrency.compute({ ...pythonConcurrency.defaults, ...params });
/** Throughput of each model's line at `clients`. */
const throughputAt = (v: View, clients: number) =>
  Object.fromEntries(
    v.chart.series
      .filter((s) => s.style === "line")
      .map((s) => [s.name, s.points.find(([x]) => x === clients)![1]]),
  );

describe("python-concurrency widget", () => {
  it("CPU-bound: threads under one GIL finish one core's worth (50/s); processes and free threads use all four", () => {
    const at = throughputAt(view({ workload: "cpu" }), 16);
    // 20 ms of CPU per request: one core completes 50 per second, four cores 200.
    expect(at["Threads under the GIL (32)"]).toBeGreaterThan(45);
    expect(at["Threads under the GIL (32)"]).toBeLessThan(55);
    expect(at["asyncio (one event loop)"]).toBeLessThan(55);
    expect(at["Processes (4, one per core)"]).toBeGreaterThan(190);
    expect(at["Free-threaded build, no GIL (32 threads)"]).toBeGreaterThan(190);
  });

  it("I/O-bound: threads and asyncio overlap the waits; four single-threaded processes hold theirs", () => {
    const at = throughputAt(view({ workload: "io" }), 16);
    // 16 clients, 41 ms per request: at most 16 / 0.041 = 390 per second; 4 processes at most 4 / 0.041 = 98.
    expect(at["Processes (4, one per core)"]).toBeLessThan(100);
    for (const model of ["Threads under the GIL (32)", "asyncio (one event loop)"]) {
      expect(at[model], model).toBeGreaterThan(350);
      expect(at[model], model).toBeLessThanOrEqual(391);
    }
  });

  it("under the GIL the cores are at most one busy; the number is the run's cpu.useful", () => {
    const v = view({ workload: "cpu", clients: 32 });
    const busy = v.numbers.find((n) => n.id === "cores-busy")!;
    expect(busy.field).toBe("components.app.cpu.useful");
    expect(busy.value).toBeLessThanOrEqual(0.25 + 1e-9);
    expect(busy.value).toBeGreaterThan(0.24);
  });

  it("mixed work: a longer switch interval delays the I/O-bound threads and speeds up the CPU-bound ones", () => {
    const figure = view({ workload: "mixed" }).extraFigures![0]!;
    const line = (name: string) => new Map(figure.chart.series.find((s) => s.name === name)!.points);
    const io = line("I/O-bound requests");
    const cpu = line("CPU-bound requests");
    expect(io.get(100)!).toBeGreaterThan(1.4 * io.get(1)!);
    expect(cpu.get(100)!).toBeLessThan(0.6 * cpu.get(1)!);
  });

  it("runs the interval the control names, through the server's gilSwitchInterval", () => {
    const scenario = view({ interval: 20 }).scenario as {
      components: { app: { gilSwitchInterval: string } };
    };
    expect(scenario.components.app.gilSwitchInterval).toBe("20ms");
  });
});
