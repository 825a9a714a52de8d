/**
 * The OS scheduler of one server: runnable threads share `cores` in round-robin time
 * slices, each core with its own run queue as in Linux.
 *
 * - A core switching to a thread other than the one it ran last pays `contextSwitch`
 *   (counted as switching time, not useful time).
 * - A thread resuming on another core than before pays `migration` (its cache is cold).
 * - Floating threads wake on their previous core when it is idle, else on any idle core,
 *   else queue on their previous core; an idle core steals from the longest queue, and at
 *   each slice end a core pulls from a queue two or more longer than its own. Pinned
 *   threads only ever run on their core, so a busy core's queue waits even while another
 *   core idles — the price of affinity.
 * - A running thread is not preempted on wake-ups, only at the end of its slice, and only
 *   when another thread waits on that core. With one or two threads per core a slice is
 *   `timeslice`; with n > 2 it is max(2 × timeslice / n, minTimeslice), as CFS divides its
 *   scheduling period (sched_latency) among runnable threads down to a floor
 *   (sched_min_granularity): many runnable threads mean more switches per second of work.
 */
import type { EventHandler } from "../kernel/event-handler";
import type { Simulation } from "../kernel/simulation";
import { RingBuffer } from "../queues/ring-buffer";
import type { OsThread } from "./os-thread";

export type Affinity = "pinned" | "floating";

export interface CpuSchedulerConfig {
  cores: number;
  timeslice: number;
  minTimeslice: number;
  contextSwitch: number;
  migration: number;
  affinity: Affinity;
}

/** Accumulated core time, in core-seconds, and event counts. */
export interface CpuCounters {
  useful: number;
  switching: number;
  contextSwitches: number;
  migrations: number;
  /** Per core: useful and switching core-seconds. */
  coreUseful: Float64Array;
  coreSwitching: Float64Array;
}

class Core {
  running: OsThread | null = null;
  lastThread: OsThread | null = null;
  /** Useful CPU planned for the current dispatch. */
  slice = 0;
  /** Run queue; waking and preempted threads go to the tail. */
  readonly queue = new RingBuffer<OsThread>();

  constructor(readonly index: number) {}
}

const SLICE_END = 0;

export class CpuScheduler implements EventHandler {
  readonly counters: CpuCounters;
  private readonly cores: Core[];
  private readonly config: CpuSchedulerConfig;
  private readonly minTimeslice: number;

  constructor(
    private readonly sim: Simulation,
    config: CpuSchedulerConfig,
  ) {
    this.config = config;
    this.minTimeslice = Math.min(config.minTimeslice, config.timeslice);
    this.cores = Array.from({ length: config.cores }, (_, i) => new Core(i));
    this.counters = {
      useful: 0,
      switching: 0,
      contextSwitches: 0,
      migrations: 0,
      coreUseful: new Float64Array(config.cores),
      coreSwitching: new Float64Array(config.cores),
    };
  }

  /** Makes `thread` runnable for `seconds` of CPU; its client hears when they have run. */
  run(thread: OsThread, seconds: number): void {
    thread.remaining = seconds;
    thread.burst = seconds;
    const core = this.placeOnWake(thread);
    // An idle core's queue is empty except while its last thread's client runs (onEvent):
    // queued threads then go first.
    if (core.running === null && core.queue.length === 0) this.dispatch(core, thread);
    else core.queue.push(thread);
  }

  /** Clears the counters, at the end of the warm-up. */
  resetCounters(): void {
    this.counters.useful = 0;
    this.counters.switching = 0;
    this.counters.contextSwitches = 0;
    this.counters.migrations = 0;
    this.counters.coreUseful.fill(0);
    this.counters.coreSwitching.fill(0);
  }

  onEvent(_kind: number, payload: unknown): void {
    const core = payload as Core;
    const thread = core.running!;
    const ran = core.slice;
    this.counters.useful += ran;
    this.counters.coreUseful[core.index]! += ran;
    thread.remaining -= ran;
    thread.client.onCpuRan(thread, ran);
    if (this.config.affinity === "floating") this.balance(core);
    if (thread.remaining > 1e-12) {
      const next = core.queue.shift();
      if (next === undefined) {
        this.startSlice(core, thread, 0);
        return;
      }
      core.queue.push(thread);
      core.running = null;
      this.dispatch(core, next);
      return;
    }
    thread.remaining = 0;
    core.running = null;
    // The client may run the thread again at once (the next CPU step of an event loop):
    // it then lands back on this idle core with no switch, since the core ran it last.
    thread.client.onCpuDone(thread, thread.burst);
    if (core.running === null) this.pickNext(core);
  }

  private placeOnWake(thread: OsThread): Core {
    if (thread.pinnedCore >= 0) return this.cores[thread.pinnedCore % this.cores.length]!;
    const previous = thread.lastCore >= 0 ? this.cores[thread.lastCore]! : null;
    if (previous !== null && previous.running === null) return previous;
    let best: Core | null = null;
    for (const core of this.cores) {
      if (core.running === null) return core;
      if (best === null || core.queue.length < best.queue.length) best = core;
    }
    return previous ?? best!;
  }

  private pickNext(core: Core): void {
    let next = core.queue.shift();
    if (next === undefined && this.config.affinity === "floating") next = this.steal(core);
    if (next !== undefined) this.dispatch(core, next);
  }

  /**
   * An idle core takes the oldest waiting thread from the longest queue (Linux's idle
   * balancing). Under floating affinity every thread floats, so the head may be taken.
   */
  private steal(idle: Core): OsThread | undefined {
    let victim: Core | null = null;
    for (const core of this.cores) {
      if (
        core !== idle &&
        core.queue.length > 0 &&
        (victim === null || core.queue.length > victim.queue.length)
      ) {
        victim = core;
      }
    }
    return victim?.queue.shift();
  }

  /**
   * Periodic load balancing at the end of a slice (the scheduler tick): a core pulls the
   * most recently queued thread of the busiest core when that queue is two or more longer
   * than its own, as CFS's load_balance evens out run queues. The moved thread pays a
   * migration when it runs.
   */
  private balance(core: Core): void {
    let busiest: Core | null = null;
    for (const other of this.cores) {
      if (other !== core && (busiest === null || other.queue.length > busiest.queue.length)) busiest = other;
    }
    if (busiest !== null && busiest.queue.length >= core.queue.length + 2)
      core.queue.push(busiest.queue.pop()!);
  }

  private dispatch(core: Core, thread: OsThread): void {
    let overhead = 0;
    if (core.lastThread !== thread) {
      overhead += this.config.contextSwitch;
      this.counters.contextSwitches++;
    }
    if (thread.lastCore >= 0 && thread.lastCore !== core.index) {
      overhead += this.config.migration;
      this.counters.migrations++;
    }
    this.counters.switching += overhead;
    this.counters.coreSwitching[core.index]! += overhead;
    this.startSlice(core, thread, overhead);
  }

  private startSlice(core: Core, thread: OsThread, overhead: number): void {
    core.running = thread;
    core.lastThread = thread;
    thread.lastCore = core.index;
    // CFS shrinks slices as threads pile up, so each runs once per scheduling period
    // (2 × timeslice, sched_latency), down to minTimeslice (sched_min_granularity).
    const waiting = core.queue.length;
    const quantum =
      waiting <= 1
        ? this.config.timeslice
        : Math.max((2 * this.config.timeslice) / (waiting + 1), this.minTimeslice);
    const slice = Math.min(thread.remaining, quantum);
    core.slice = slice;
    this.sim.schedule(overhead + slice, this, SLICE_END, core);
  }
}
