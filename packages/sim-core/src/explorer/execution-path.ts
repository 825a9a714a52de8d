/**
 * The execution being explored, depth by depth, in buffers allocated once and grown by doubling:
 * the state before each event, the event's record and footprint, the actors enabled, preemptions
 * so far and the last thread to run. Both the systematic and the random searches walk one.
 */
import { FOOTPRINT, type Machine, RECORD } from "./machine";

export class ExecutionPath {
  readonly machine: Machine;
  /** states[d]: the state before event d (states[length]: the last state). */
  states: Int32Array[] = [];
  records = new Int32Array(0);
  footprints = new Int32Array(0);
  enabled = new Int32Array(0);
  preemptions = new Int32Array(0);
  /** The last thread (not flush) to take a step before depth d, or -1. */
  lastThread = new Int32Array(0);
  /** Hash of states[d]. */
  hashes = new Float64Array(0);
  /** Systematic search, per depth: actors to explore, explored, asleep (bitmasks). */
  backtrack = new Int32Array(0);
  done = new Int32Array(0);
  sleep = new Int32Array(0);
  /** Happens-before clock of each event over all dependences (one entry per actor), for DPOR. */
  clocks = new Int32Array(0);
  /** Depth on the current path of each state's hash, for cycle detection. */
  readonly onPath = new Map<number, number>();

  constructor(machine: Machine) {
    this.machine = machine;
    this.grow(64);
  }

  /** Starts a new execution at depth 0 from the machine's initial state. */
  reset(): void {
    this.onPath.clear();
    this.machine.init(this.states[0]!);
    this.preemptions[0] = 0;
    this.lastThread[0] = -1;
    this.sleep[0] = 0;
  }

  /**
   * Takes `actor`'s step from depth d into states[d+1], filling the event's footprint, record,
   * clock and the preemptions so far. Returns false if the thread failed.
   */
  advance(d: number, actor: number): boolean {
    this.ensure(d + 1);
    const m = this.machine;
    m.footprint(this.states[d]!, actor, this.footprints, d * FOOTPRINT);
    const next = this.states[d + 1]!;
    next.set(this.states[d]!);
    const ok = m.step(next, actor, this.records, d * RECORD);
    this.preemptions[d + 1] = this.preemptions[d]! + (this.preempts(d, actor) ? 1 : 0);
    this.lastThread[d + 1] = m.isFlush(actor) ? this.lastThread[d]! : actor;
    this.clock(d);
    return ok;
  }

  /** Event d's clock: its process's previous event joined with every earlier dependent event. */
  private clock(d: number): void {
    const p = this.machine.actors;
    const c = this.clocks;
    const base = d * p;
    const own = this.footprints[d * FOOTPRINT]!;
    c.fill(0, base, base + p);
    for (let i = d - 1; i >= 0; i--) {
      if (!this.dependent(i, d)) continue;
      for (let u = 0; u < p; u++) if (c[i * p + u]! > c[base + u]!) c[base + u] = c[i * p + u]!;
    }
    let count = 0;
    for (let i = d - 1; i >= 0; i--) {
      if (this.footprints[i * FOOTPRINT] === own) {
        count = c[i * p + own]!;
        break;
      }
    }
    c[base + own] = count + 1;
  }

  /** Event i happens before event j (i < j) under the dependence order. */
  happensBefore(i: number, j: number): boolean {
    const p = this.machine.actors;
    const proc = this.footprints[i * FOOTPRINT]!;
    return this.clocks[i * p + proc]! <= this.clocks[j * p + proc]!;
  }

  /** Makes room for depth d. */
  ensure(d: number): void {
    if (d + 1 >= this.states.length) this.grow(2 * (d + 1));
  }

  private grow(capacity: number): void {
    while (this.states.length < capacity + 1) this.states.push(new Int32Array(this.machine.size));
    const copy = <T extends Int32Array | Float64Array>(old: T, make: (n: number) => T, width: number): T => {
      const next = make(capacity * width);
      next.set(old);
      return next;
    };
    this.records = copy(this.records, (n) => new Int32Array(n), RECORD);
    this.footprints = copy(this.footprints, (n) => new Int32Array(n), FOOTPRINT);
    this.enabled = copy(this.enabled, (n) => new Int32Array(n), 1);
    this.preemptions = copy(this.preemptions, (n) => new Int32Array(n), 1);
    this.lastThread = copy(this.lastThread, (n) => new Int32Array(n), 1);
    this.hashes = copy(this.hashes, (n) => new Float64Array(n), 1);
    this.backtrack = copy(this.backtrack, (n) => new Int32Array(n), 1);
    this.done = copy(this.done, (n) => new Int32Array(n), 1);
    this.sleep = copy(this.sleep, (n) => new Int32Array(n), 1);
    this.clocks = copy(this.clocks, (n) => new Int32Array(n), this.machine.actors);
  }

  /** The actors of events 0…n-1. */
  schedule(n: number): number[] {
    const actors: number[] = [];
    for (let d = 0; d < n; d++) actors.push(this.records[d * RECORD]!);
    return actors;
  }

  /** Whether taking `actor` at depth d preempts the thread that ran last. */
  preempts(d: number, actor: number): boolean {
    if (this.machine.isFlush(actor)) return false;
    const last = this.lastThread[d]!;
    return last >= 0 && last !== actor && (this.enabled[d]! & (1 << last)) !== 0;
  }

  /** Events at depth i and j are dependent (do not commute). */
  dependent(i: number, j: number): boolean {
    return dependentFootprints(this.footprints, i * FOOTPRINT, this.footprints, j * FOOTPRINT);
  }
}

/** Two footprints conflict: the same actor, or an object both touch and at least one writes. */
export function dependentFootprints(a: Int32Array, i: number, b: Int32Array, j: number): boolean {
  if (a[i] === b[j]) return true;
  for (let x = 1; x <= 5; x += 2) {
    const o = a[i + x]!;
    if (o < 0) continue;
    for (let y = 1; y <= 5; y += 2) {
      if (b[j + y] === o && (a[i + x + 1] === 1 || b[j + y + 1] === 1)) return true;
    }
  }
  return false;
}
