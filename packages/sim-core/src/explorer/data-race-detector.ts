/**
 * Data races by vector clocks: two accesses to the same shared variable, at least one a write,
 * at least one plain (not atomic), that happens-before does not order. Happens-before comes from
 * program order and synchronisation only: a mutex's unlock before its next lock, a notify before
 * the wake-up it causes, a semaphore's release before an acquire, and atomics (cas, fetchAdd, and
 * loads and stores of variables declared `atomic`). Runs over one execution's event records.
 */
import { Op } from "./compiled-program";
import { type Machine, RECORD } from "./machine";

export interface Race {
  variable: number;
  /** Event indexes of the two accesses, earlier first. */
  first: number;
  second: number;
}

export class DataRaceDetector {
  private readonly machine: Machine;
  private readonly threads: number;
  private readonly atomic: boolean[];
  private readonly clocks: Int32Array;
  /** Clocks of synchronisation objects: atomic variables, mutexes, conditions, semaphores. */
  private readonly sync: Int32Array;
  /** Per variable: last plain-or-atomic write's thread, its epoch and its event. */
  private readonly writeThread: Int32Array;
  private readonly writeEpoch: Int32Array;
  private readonly writeEvent: Int32Array;
  private readonly writeAtomic: Uint8Array;
  /** Per variable and thread: epoch and event of its last read (0: none). */
  private readonly readEpoch: Int32Array;
  private readonly readEvent: Int32Array;
  private readonly readAtomic: Uint8Array;
  private readonly variables: number;
  private readonly mutexBase: number;
  private readonly conditionBase: number;
  private readonly semaphoreBase: number;

  constructor(machine: Machine) {
    const p = machine.program;
    this.machine = machine;
    this.threads = machine.threads;
    this.atomic = p.atomic;
    this.variables = p.variables.length;
    this.mutexBase = this.variables;
    this.conditionBase = this.mutexBase + p.mutexes.length;
    this.semaphoreBase = this.conditionBase + p.conditions.length;
    const objects = this.semaphoreBase + p.semaphores.length;
    const t = this.threads;
    this.clocks = new Int32Array(t * t);
    this.sync = new Int32Array(objects * t);
    this.writeThread = new Int32Array(this.variables);
    this.writeEpoch = new Int32Array(this.variables);
    this.writeEvent = new Int32Array(this.variables);
    this.writeAtomic = new Uint8Array(this.variables);
    this.readEpoch = new Int32Array(this.variables * t);
    this.readEvent = new Int32Array(this.variables * t);
    this.readAtomic = new Uint8Array(this.variables * t);
  }

  /** The first race in the events records[0…n), or undefined. */
  find(records: Int32Array, n: number): Race | undefined {
    const t = this.threads;
    this.clocks.fill(0);
    this.sync.fill(0);
    this.writeThread.fill(-1);
    this.readEpoch.fill(0);
    for (let u = 0; u < t; u++) this.clocks[u * t + u] = 1;
    for (let e = 0; e < n; e++) {
      const at = e * RECORD;
      const actor = records[at]!;
      if (actor >= t) continue; // a flush: the store was accounted when it was issued
      const op = records[at + 1]!;
      const object = records[at + 2]!;
      const success = records[at + 6] === 1;
      let race: Race | undefined;
      switch (op) {
        case Op.load:
          race = this.access(actor, object, false, this.atomic[object]!, e);
          if (this.atomic[object]) this.acquire(actor, object);
          break;
        case Op.store:
          race = this.access(actor, object, true, this.atomic[object]!, e);
          if (this.atomic[object]) this.release(actor, object, false);
          break;
        case Op.cas:
        case Op.fetchAdd:
          race = this.access(actor, object, op === Op.fetchAdd || success, true, e);
          this.acquire(actor, object);
          this.release(actor, object, false);
          break;
        case Op.lock:
        case Op.reacquire:
          this.acquire(actor, this.mutexBase + object);
          if (op === Op.reacquire)
            this.acquire(actor, this.conditionBase + this.instruction(actor, records, e).object);
          break;
        case Op.tryLock:
          if (success) this.acquire(actor, this.mutexBase + object);
          break;
        case Op.unlock:
          this.release(actor, this.mutexBase + object, true);
          break;
        case Op.wait:
          this.release(actor, this.mutexBase + this.instruction(actor, records, e).mutex, true);
          break;
        case Op.notify:
        case Op.notifyAll:
        case Op.spurious:
          this.release(actor, this.conditionBase + object, false);
          break;
        case Op.acquire:
          this.acquire(actor, this.semaphoreBase + object);
          break;
        case Op.release:
          this.release(actor, this.semaphoreBase + object, false);
          break;
        default:
          break;
      }
      if (race !== undefined) return race;
      this.clocks[actor * t + actor]!++;
    }
    return undefined;
  }

  private instruction(actor: number, records: Int32Array, e: number) {
    return this.machine.program.threads[actor]!.code[records[e * RECORD + 3]!]!;
  }

  private access(thread: number, v: number, write: boolean, atomic: boolean, e: number): Race | undefined {
    const t = this.threads;
    const clock = thread * t;
    const w = this.writeThread[v]!;
    // Two atomic accesses never race.
    if (
      w >= 0 &&
      w !== thread &&
      !(atomic && this.writeAtomic[v]) &&
      this.writeEpoch[v]! > this.clocks[clock + w]!
    ) {
      return { variable: v, first: this.writeEvent[v]!, second: e };
    }
    if (write) {
      for (let u = 0; u < t; u++) {
        if (u === thread) continue;
        const r = this.readEpoch[v * t + u]!;
        if (r > 0 && !(atomic && this.readAtomic[v * t + u]) && r > this.clocks[clock + u]!) {
          return { variable: v, first: this.readEvent[v * t + u]!, second: e };
        }
      }
      this.writeThread[v] = thread;
      this.writeEpoch[v] = this.clocks[clock + thread]!;
      this.writeEvent[v] = e;
      this.writeAtomic[v] = atomic ? 1 : 0;
    } else {
      this.readEpoch[v * t + thread] = this.clocks[clock + thread]!;
      this.readEvent[v * t + thread] = e;
      this.readAtomic[v * t + thread] = atomic ? 1 : 0;
    }
    return undefined;
  }

  private acquire(thread: number, object: number): void {
    const t = this.threads;
    for (let u = 0; u < t; u++) {
      const s = this.sync[object * t + u]!;
      if (s > this.clocks[thread * t + u]!) this.clocks[thread * t + u] = s;
    }
  }

  /** Publishes the thread's clock on the object: replacing it (a mutex) or joined into it. */
  private release(thread: number, object: number, replace: boolean): void {
    const t = this.threads;
    for (let u = 0; u < t; u++) {
      const c = this.clocks[thread * t + u]!;
      if (replace || c > this.sync[object * t + u]!) this.sync[object * t + u] = c;
    }
  }
}
