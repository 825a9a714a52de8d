/**
 * The interpreter: a program's whole state in one Int32Array (so the explorer copies, hashes and
 * compares states without allocating), and its events. Actors are the threads 0…T-1 and, under
 * TSO, each thread's store-buffer flush T…2T-1: a flush is a scheduling choice like any step.
 *
 * Layout: shared memory | mutex owners (thread + 1, 0 free) | semaphore permits | per thread:
 * pc, status, rank in its condition variable's queue, registers, buffer length, buffer entries
 * (variable, value) oldest first.
 */
import { type CompiledProgram, type Instruction, Op } from "./compiled-program";
import { evaluate } from "./expression";

export const Status = { running: 0, done: 1, waiting: 2, woken: 3 } as const;

/** Longest run of local instructions (let, if, while, assert) before the thread is taken to spin forever. */
const LOCAL_LIMIT = 10_000;

/** Footprint fields: the process (the actor) and up to three objects touched, each with whether it is written. */
export const FOOTPRINT = 7;
/** Event record fields: actor, op, object, pc, value read, value written, flag (success). */
export const RECORD = 7;

export interface Failure {
  thread: number;
  pc: number;
  message: string;
}

export class Machine {
  readonly program: CompiledProgram;
  readonly threads: number;
  readonly actors: number;
  readonly size: number;
  readonly tso: boolean;
  /** Object indexes: variables, then mutexes, condition variables, semaphores. */
  readonly objectCount: number;
  private readonly mutexBase: number;
  private readonly semaphoreBase: number;
  private readonly threadBase: number;
  private readonly threadSize: number;
  private readonly registerCount: number;
  private readonly capacity: number;
  /** Set by init() or step() when a thread fails (an assert, a misuse of a mutex). */
  failure: Failure | undefined;

  constructor(program: CompiledProgram) {
    this.program = program;
    this.threads = program.threads.length;
    this.tso = program.memoryModel === "tso";
    this.actors = this.tso ? 2 * this.threads : this.threads;
    this.capacity = this.tso ? program.bufferCapacity : 0;
    this.registerCount = Math.max(0, ...program.threads.map((t) => t.registers.length));
    const v = program.variables.length;
    this.mutexBase = v;
    this.semaphoreBase = v + program.mutexes.length;
    this.threadBase = this.semaphoreBase + program.semaphores.length;
    this.threadSize = 3 + this.registerCount + 1 + 2 * this.capacity;
    this.size = this.threadBase + this.threads * this.threadSize;
    this.objectCount = v + program.mutexes.length + program.conditions.length + program.semaphores.length;
  }

  // ── Reading a state ─────────────────────────────────────────────────────
  pc(s: Int32Array, t: number): number {
    return s[this.threadBase + t * this.threadSize]!;
  }
  status(s: Int32Array, t: number): number {
    return s[this.threadBase + t * this.threadSize + 1]!;
  }
  registerBase(t: number): number {
    return this.threadBase + t * this.threadSize + 3;
  }
  bufferLength(s: Int32Array, t: number): number {
    return s[this.threadBase + t * this.threadSize + 3 + this.registerCount]!;
  }
  /** Buffer entry i of thread t: [variable, value]. */
  bufferEntry(s: Int32Array, t: number, i: number): [number, number] {
    const at = this.threadBase + t * this.threadSize + 4 + this.registerCount + 2 * i;
    return [s[at]!, s[at + 1]!];
  }
  owner(s: Int32Array, mutex: number): number {
    return s[this.mutexBase + mutex]! - 1;
  }
  instruction(s: Int32Array, t: number): Instruction | undefined {
    return this.program.threads[t]!.code[this.pc(s, t)];
  }
  allDone(s: Int32Array): boolean {
    for (let t = 0; t < this.threads; t++) if (this.status(s, t) !== Status.done) return false;
    return true;
  }
  /** Is this the flush actor of a thread? */
  isFlush(actor: number): boolean {
    return actor >= this.threads;
  }
  threadOf(actor: number): number {
    return actor >= this.threads ? actor - this.threads : actor;
  }

  /** The state before any step: initial memory, every thread at its first visible step. */
  init(s: Int32Array): void {
    s.fill(0);
    this.failure = undefined;
    const { initial, permits } = this.program;
    for (let i = 0; i < initial.length; i++) s[i] = initial[i]!;
    for (let i = 0; i < permits.length; i++) s[this.semaphoreBase + i] = permits[i]!;
    for (let t = 0; t < this.threads; t++) this.runLocal(s, t);
  }

  /** Whether the actor can take a step in state s. */
  enabled(s: Int32Array, actor: number): boolean {
    if (actor >= this.threads) return this.bufferLength(s, actor - this.threads) > 0;
    const t = actor;
    const status = this.status(s, t);
    if (status === Status.done) return false;
    const drained = !this.tso || this.bufferLength(s, t) === 0;
    const instr = this.instruction(s, t)!;
    if (status === Status.waiting) return this.program.spuriousWakeups;
    if (status === Status.woken) return drained && this.owner(s, instr.mutex) < 0;
    switch (instr.op) {
      case Op.load:
      case Op.yield:
        return true;
      case Op.store:
        return !this.tso || this.bufferLength(s, t) < this.capacity;
      case Op.lock:
        return drained && this.owner(s, instr.object) < 0;
      case Op.acquire:
        return drained && s[this.semaphoreBase + instr.object]! > 0;
      default:
        // Fences, locked read-modify-writes and every synchronisation drain the store buffer first.
        return drained;
    }
  }

  /** Bitmask of the enabled actors. */
  enabledMask(s: Int32Array): number {
    let mask = 0;
    for (let a = 0; a < this.actors; a++) if (this.enabled(s, a)) mask |= 1 << a;
    return mask;
  }

  /**
   * What the actor's next event touches, into out[at…at+6]: process (the actor), then up to three
   * (object, written 1/0) pairs; -1 for no object. Events touching no common object, or only
   * reading it, commute: the partial-order reduction's dependence relation. Under TSO a thread's
   * store buffer is an object too: its stores and flushes write it, and every other step of the
   * thread reads it (what a load reads, and whether a fence may pass, depend on it), so a thread
   * and its own flushes are reordered only where that changes nothing.
   */
  footprint(s: Int32Array, actor: number, out: Int32Array, at: number): void {
    const t = this.threadOf(actor);
    out[at] = actor;
    out[at + 1] = -1;
    out[at + 2] = 0;
    out[at + 3] = -1;
    out[at + 4] = 0;
    out[at + 5] = this.tso ? this.objectCount + t : -1;
    out[at + 6] = this.tso && (actor >= this.threads || this.storesNext(s, t)) ? 1 : 0;
    const conditionBase = this.program.variables.length + this.program.mutexes.length;
    const mutex = (m: number) => this.program.variables.length + m;
    if (actor >= this.threads) {
      out[at + 1] = this.bufferEntry(s, t, 0)[0];
      out[at + 2] = 1;
      return;
    }
    const instr = this.instruction(s, t);
    if (instr === undefined) return;
    const status = this.status(s, t);
    if (status === Status.waiting) {
      out[at + 1] = conditionBase + instr.object;
      out[at + 2] = 1;
      return;
    }
    if (status === Status.woken) {
      out[at + 1] = mutex(instr.mutex);
      out[at + 2] = 1;
      out[at + 3] = conditionBase + instr.object;
      out[at + 4] = 1;
      return;
    }
    switch (instr.op) {
      case Op.load:
        if (this.tso && this.bufferedIndex(s, t, instr.object) >= 0) return;
        out[at + 1] = instr.object;
        return;
      case Op.store:
        if (this.tso) return;
        out[at + 1] = instr.object;
        out[at + 2] = 1;
        return;
      case Op.cas:
      case Op.fetchAdd:
        out[at + 1] = instr.object;
        out[at + 2] = 1;
        return;
      case Op.lock:
      case Op.unlock:
      case Op.tryLock:
        out[at + 1] = mutex(instr.object);
        out[at + 2] = 1;
        return;
      case Op.wait:
        out[at + 1] = conditionBase + instr.object;
        out[at + 2] = 1;
        out[at + 3] = mutex(instr.mutex);
        out[at + 4] = 1;
        return;
      case Op.notify:
      case Op.notifyAll:
        out[at + 1] = conditionBase + instr.object;
        out[at + 2] = 1;
        return;
      case Op.acquire:
      case Op.release:
        out[at + 1] = conditionBase + this.program.conditions.length + instr.object;
        out[at + 2] = 1;
        return;
      default:
        return;
    }
  }

  /** Thread t's next step is a store into its buffer. */
  private storesNext(s: Int32Array, t: number): boolean {
    return this.status(s, t) === Status.running && this.instruction(s, t)?.op === Op.store;
  }

  /** Newest entry of thread t's buffer for a variable, or -1. */
  private bufferedIndex(s: Int32Array, t: number, variable: number): number {
    const base = this.threadBase + t * this.threadSize + 3 + this.registerCount;
    for (let i = s[base]! - 1; i >= 0; i--) if (s[base + 1 + 2 * i] === variable) return i;
    return -1;
  }

  /**
   * Runs the actor's next event on s (which must be enabled), then the thread's local
   * instructions up to its next visible step. Writes the event's record into rec[at…at+6].
   * Returns false if the thread failed (this.failure says how).
   */
  step(s: Int32Array, actor: number, rec: Int32Array, at: number): boolean {
    rec[at] = actor;
    rec[at + 2] = -1;
    rec[at + 4] = 0;
    rec[at + 5] = 0;
    rec[at + 6] = 1;
    const t = this.threadOf(actor);
    const base = this.threadBase + t * this.threadSize;
    const regs = base + 3;
    const buffer = regs + this.registerCount;
    if (actor >= this.threads) {
      // The oldest buffered store reaches memory.
      const variable = s[buffer + 1]!;
      const value = s[buffer + 2]!;
      s[variable] = value;
      const length = s[buffer]! - 1;
      for (let i = 0; i < 2 * length; i++) s[buffer + 1 + i] = s[buffer + 3 + i]!;
      s[buffer + 1 + 2 * length] = 0;
      s[buffer + 2 + 2 * length] = 0;
      s[buffer] = length;
      rec[at + 1] = Op.flush;
      rec[at + 2] = variable;
      rec[at + 3] = -1;
      rec[at + 5] = value;
      return true;
    }
    const pc = s[base]!;
    const instr = this.program.threads[t]!.code[pc]!;
    rec[at + 1] = instr.op;
    rec[at + 2] = instr.object;
    rec[at + 3] = pc;
    const status = s[base + 1]!;
    if (status === Status.waiting) {
      // A spurious wake-up: out of the condition's queue, to take the mutex back.
      this.leaveQueue(s, t, instr.object);
      s[base + 1] = Status.woken;
      rec[at + 1] = Op.spurious;
      return true;
    }
    if (status === Status.woken) {
      s[this.mutexBase + instr.mutex] = t + 1;
      s[base + 1] = Status.running;
      s[base] = pc + 1;
      rec[at + 1] = Op.reacquire;
      rec[at + 2] = instr.mutex;
      return this.runLocal(s, t);
    }
    switch (instr.op) {
      case Op.load: {
        let value: number;
        const i = this.tso ? this.bufferedIndex(s, t, instr.object) : -1;
        if (i >= 0) {
          value = s[buffer + 2 + 2 * i]!;
          rec[at + 6] = 0; // read from its own store buffer
        } else value = s[instr.object]!;
        if (instr.register >= 0) s[regs + instr.register] = value;
        rec[at + 4] = value;
        break;
      }
      case Op.store: {
        const value = evaluate(instr.first!, s, regs);
        if (this.tso) {
          const length = s[buffer]!;
          s[buffer + 1 + 2 * length] = instr.object;
          s[buffer + 2 + 2 * length] = value;
          s[buffer] = length + 1;
          rec[at + 6] = 0; // into the store buffer
        } else s[instr.object] = value;
        rec[at + 5] = value;
        break;
      }
      case Op.cas: {
        const old = s[instr.object]!;
        const ok = old === evaluate(instr.first!, s, regs);
        const value = evaluate(instr.second!, s, regs);
        if (ok) s[instr.object] = value;
        if (instr.register >= 0) s[regs + instr.register] = ok ? 1 : 0;
        rec[at + 4] = old;
        rec[at + 5] = value;
        rec[at + 6] = ok ? 1 : 0;
        break;
      }
      case Op.fetchAdd: {
        const old = s[instr.object]!;
        const value = (old + evaluate(instr.first!, s, regs)) | 0;
        s[instr.object] = value;
        if (instr.register >= 0) s[regs + instr.register] = old;
        rec[at + 4] = old;
        rec[at + 5] = value;
        break;
      }
      case Op.lock:
        s[this.mutexBase + instr.object] = t + 1;
        break;
      case Op.unlock:
        if (s[this.mutexBase + instr.object] !== t + 1) {
          return this.fail(t, pc, `unlocks "${this.program.mutexes[instr.object]}", which it does not hold`);
        }
        s[this.mutexBase + instr.object] = 0;
        break;
      case Op.tryLock: {
        const free = s[this.mutexBase + instr.object] === 0;
        if (free) s[this.mutexBase + instr.object] = t + 1;
        if (instr.register >= 0) s[regs + instr.register] = free ? 1 : 0;
        rec[at + 6] = free ? 1 : 0;
        break;
      }
      case Op.wait: {
        if (s[this.mutexBase + instr.mutex] !== t + 1) {
          return this.fail(
            t,
            pc,
            `waits on "${this.program.conditions[instr.object]}" without holding its mutex "${this.program.mutexes[instr.mutex]}"`,
          );
        }
        s[this.mutexBase + instr.mutex] = 0;
        s[base + 2] = this.queueLength(s, instr.object);
        s[base + 1] = Status.waiting;
        return true; // stays at the wait until woken and holding the mutex again
      }
      case Op.notify:
      case Op.notifyAll: {
        let woke = 0;
        for (let u = 0; u < this.threads; u++) {
          if (!this.waitsOn(s, u, instr.object)) continue;
          const rank = s[this.threadBase + u * this.threadSize + 2]!;
          if (instr.op === Op.notifyAll || rank === 0) {
            s[this.threadBase + u * this.threadSize + 1] = Status.woken;
            s[this.threadBase + u * this.threadSize + 2] = 0;
            woke++;
          } else s[this.threadBase + u * this.threadSize + 2] = rank - 1;
        }
        rec[at + 4] = woke;
        break;
      }
      case Op.acquire:
        s[this.semaphoreBase + instr.object]!--;
        break;
      case Op.release:
        s[this.semaphoreBase + instr.object]!++;
        break;
      default:
        break; // fence (the buffer is already empty), yield
    }
    s[base] = pc + 1;
    return this.runLocal(s, t);
  }

  private waitsOn(s: Int32Array, u: number, condition: number): boolean {
    if (s[this.threadBase + u * this.threadSize + 1] !== Status.waiting) return false;
    return this.instruction(s, u)!.object === condition;
  }

  private queueLength(s: Int32Array, condition: number): number {
    let n = 0;
    for (let u = 0; u < this.threads; u++) if (this.waitsOn(s, u, condition)) n++;
    return n;
  }

  private leaveQueue(s: Int32Array, t: number, condition: number): void {
    const rank = s[this.threadBase + t * this.threadSize + 2]!;
    for (let u = 0; u < this.threads; u++) {
      const at = this.threadBase + u * this.threadSize + 2;
      if (u !== t && this.waitsOn(s, u, condition) && s[at]! > rank) s[at]!--;
    }
    s[this.threadBase + t * this.threadSize + 2] = 0;
  }

  private fail(t: number, pc: number, message: string): false {
    this.failure = { thread: t, pc, message };
    return false;
  }

  /** Runs thread t's local instructions up to its next visible step or its end. */
  private runLocal(s: Int32Array, t: number): boolean {
    const base = this.threadBase + t * this.threadSize;
    const code = this.program.threads[t]!.code;
    const regs = base + 3;
    for (let n = 0; n < LOCAL_LIMIT; n++) {
      const pc = s[base]!;
      const instr = code[pc];
      if (instr === undefined) {
        s[base + 1] = Status.done;
        return true;
      }
      switch (instr.op) {
        case Op.let:
          s[regs + instr.register] = evaluate(instr.first!, s, regs);
          s[base] = pc + 1;
          break;
        case Op.jumpIfZero:
          s[base] = evaluate(instr.first!, s, regs) === 0 ? instr.target : pc + 1;
          break;
        case Op.jump:
          s[base] = instr.target;
          break;
        case Op.assert:
          if (evaluate(instr.first!, s, regs) === 0) {
            return this.fail(t, pc, instr.message ?? "fails its assertion");
          }
          s[base] = pc + 1;
          break;
        default:
          return true;
      }
    }
    return this.fail(
      t,
      s[base]!,
      `loops over its registers alone more than ${LOCAL_LIMIT} times without a shared step`,
    );
  }

  /** A 52-bit hash of the state (two 26-bit FNV-1a variants), for counting and cycle detection. */
  hash(s: Int32Array): number {
    let a = 0x811c9dc5;
    let b = 0x01000193 ^ 0x5bd1e995;
    for (let i = 0; i < s.length; i++) {
      const x = s[i]!;
      a = Math.imul(a ^ x, 0x01000193);
      b = Math.imul(b ^ (x + i), 0x5bd1e995);
      b ^= b >>> 15;
    }
    return (a >>> 6) * 0x4000000 + (b >>> 6);
  }
}
