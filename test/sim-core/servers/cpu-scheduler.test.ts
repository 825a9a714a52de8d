// The OS scheduler against the kernel alone: time slices, switch and migration costs, affinity.
import { describe, expect, test } from "vitest";
import { Simulation } from "../../../packages/sim-core/src/kernel/simulation";
import { type Affinity, CpuScheduler } from "../../../packages/sim-core/src/servers/cpu-scheduler";
import { type CpuClient, OsThread } from "../../../packages/sim-core/src/servers/os-thread";

/** Records when each thread's burst ends. */
class Recorder implements CpuClient {
  readonly doneAt = new Map<number, number>();
  ran = 0;
  constructor(private readonly sim: Simulation) {}
  onCpuRan(_thread: OsThread, ran: number): void {
    this.ran += ran;
  }
  onCpuDone(thread: OsThread): void {
    this.doneAt.set(thread.id, this.sim.now);
  }
}

function setup(
  cores: number,
  affinity: Affinity,
  costs: { contextSwitch?: number; migration?: number; timeslice?: number } = {},
) {
  const sim = new Simulation();
  const scheduler = new CpuScheduler(sim, {
    cores,
    timeslice: costs.timeslice ?? 0.003,
    minTimeslice: 0.00075,
    contextSwitch: costs.contextSwitch ?? 0,
    migration: costs.migration ?? 0,
    affinity,
  });
  const recorder = new Recorder(sim);
  const threads = (n: number) =>
    Array.from({ length: n }, (_, i) => new OsThread(i, affinity === "pinned" ? i % cores : -1, recorder));
  return { sim, scheduler, recorder, threads };
}

describe("CPU scheduler", () => {
  test("CPU-bound threads share the cores: 4 threads of 1 s on 2 cores all end near 2 s", () => {
    const { sim, scheduler, recorder, threads } = setup(2, "floating");
    for (const t of threads(4)) scheduler.run(t, 1);
    sim.run();
    // Round robin: nobody finishes at 1 s (as FIFO run-to-completion would), all finish by 2 s.
    for (const at of recorder.doneAt.values()) {
      expect(at).toBeGreaterThan(1.9);
      expect(at).toBeLessThanOrEqual(2 + 1e-9);
    }
    expect(scheduler.counters.useful).toBeCloseTo(4, 9);
    expect(recorder.ran).toBeCloseTo(4, 9);
  });

  test("a lone thread runs its whole burst with no switch after the first dispatch", () => {
    const { sim, scheduler, threads } = setup(1, "floating", { contextSwitch: 1e-6 });
    const [t] = threads(1);
    scheduler.run(t!, 0.1);
    sim.run();
    expect(scheduler.counters.contextSwitches).toBe(1); // onto the idle core
    expect(sim.now).toBeCloseTo(0.1 + 1e-6, 12);
  });

  test("each switch costs contextSwitch of core time, reported apart from useful time", () => {
    const cs = 0.0001;
    const { sim, scheduler, threads } = setup(1, "floating", { contextSwitch: cs, timeslice: 0.003 });
    for (const t of threads(2)) scheduler.run(t, 0.03);
    sim.run();
    // Two threads alternate 3 ms slices: 20 dispatches, each a switch.
    expect(scheduler.counters.contextSwitches).toBe(20);
    expect(scheduler.counters.switching).toBeCloseTo(20 * cs, 12);
    expect(scheduler.counters.useful).toBeCloseTo(0.06, 12);
    expect(sim.now).toBeCloseTo(0.06 + 20 * cs, 12);
  });

  test("slices shrink as threads pile up (CFS), down to minTimeslice", () => {
    const { sim, scheduler, threads } = setup(1, "floating", { contextSwitch: 0 });
    for (const t of threads(16)) scheduler.run(t, 0.03);
    sim.run();
    // 16 runnable threads: 2 × 3 ms / 16 = 0.375 ms is below the 0.75 ms floor, so slices are
    // 0.75 ms (about 40 per thread), against 10 per thread with two threads.
    expect(scheduler.counters.contextSwitches).toBeGreaterThan(16 * 35);
    expect(scheduler.counters.contextSwitches).toBeLessThanOrEqual(16 * 40);
  });

  test("a floating thread that wakes to find its core busy is stolen by an idle core: one migration", () => {
    // Long slices, so nothing is preempted and the steal is the only way to run c early.
    const { sim, scheduler, threads } = setup(2, "floating", { migration: 0.0005, timeslice: 0.05 });
    const [a, b, c] = threads(3);
    const at = (time: number, thread: OsThread, seconds: number) =>
      sim.scheduleAt(time, { onEvent: () => scheduler.run(thread, seconds) }, 0);
    at(0, a!, 0.01); // core 0
    at(0, c!, 0.001); // core 1, done at 1 ms
    at(0.002, b!, 0.01); // the idle core 1
    at(0.003, c!, 0.002); // its core 1 is busy, so is core 0: it queues on core 1 …
    sim.run();
    // … until core 0 frees at 10 ms and takes it: a migration, paid in core time.
    expect(scheduler.counters.migrations).toBe(1);
    expect(scheduler.counters.switching).toBeCloseTo(0.0005, 12);
    expect(sim.now).toBeCloseTo(0.0125, 9);
  });

  test("pinned threads never migrate, even when another core idles", () => {
    const { sim, scheduler, threads } = setup(2, "pinned", { migration: 0.0005 });
    const [a, b, c] = threads(3); // a and c on core 0, b on core 1
    scheduler.run(a!, 0.01);
    scheduler.run(b!, 0.001);
    scheduler.run(c!, 0.01);
    sim.run();
    expect(scheduler.counters.migrations).toBe(0);
    // Core 1 idles after 1 ms while c waits its turn on core 0: 20 ms instead of about 10.5.
    expect(sim.now).toBeCloseTo(0.02, 9);
  });

  test("per-core counters add up to the totals", () => {
    const { sim, scheduler, threads } = setup(2, "floating", { contextSwitch: 0.00001, migration: 0.00005 });
    for (const t of threads(5)) scheduler.run(t, 0.02);
    sim.run();
    const c = scheduler.counters;
    expect(c.coreUseful[0]! + c.coreUseful[1]!).toBeCloseTo(c.useful, 12);
    expect(c.coreSwitching[0]! + c.coreSwitching[1]!).toBeCloseTo(c.switching, 12);
    expect(c.switching).toBeCloseTo(c.contextSwitches * 0.00001 + c.migrations * 0.00005, 12);
  });
});
