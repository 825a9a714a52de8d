/**
 * Exhaustive search of a program's schedules, depth first, with source-set dynamic partial-order
 * reduction and sleep sets (Abdulla, Aronis, Jonsson, Sagonas 2014): after each execution, every
 * race (two dependent events of different threads that nothing else orders) is reversed by adding
 * an initial of the reordered suffix to the backtrack set where the first event was taken, so one
 * execution per Mazurkiewicz trace is explored where possible. A preemption bound prunes
 * schedules that preempt more often; when it prunes a reversal, the reversal is also tried at the
 * latest earlier point where it costs no preemption (bounded POR, Coons et al. 2013).
 *
 * States are hashed: a state seen before on the same path closes a cycle (judged for livelock and
 * starvation, then cut), and the distinct states are counted.
 */

import { Op } from "./compiled-program";
import { dependentFootprints, type ExecutionPath } from "./execution-path";
import { FOOTPRINT, RECORD, Status } from "./machine";
import { MAX_DEPTH, type SearchContext } from "./search-context";

export interface PassResult {
  /** The bound cut some schedule: the pass was not exhaustive. */
  pruned: boolean;
  executions: number;
}

export class SystematicSearch {
  private readonly ctx: SearchContext;
  private readonly path: ExecutionPath;
  private readonly reduce: boolean;
  private bound = Number.POSITIVE_INFINITY;
  private pruned = false;
  /** Lowest depth whose event changed since the last execution ended: races before it were reversed already. */
  private fresh = 0;
  private readonly scratch = new Int32Array(2 * FOOTPRINT);
  private candidates = new Int32Array(64);

  constructor(ctx: SearchContext) {
    this.ctx = ctx;
    this.path = ctx.path;
    this.reduce = ctx.search.reduction === "dpor";
  }

  /** One pass with at most `bound` preemptions per schedule (Infinity: unbounded). */
  pass(bound: number): PassResult {
    this.bound = bound;
    this.pruned = false;
    this.fresh = 0;
    const before = this.ctx.executions;
    this.path.reset();
    if (this.ctx.machine.failure !== undefined) this.finish(0, "failed");
    else this.explore(0);
    return { pruned: this.pruned, executions: this.ctx.executions - before };
  }

  private explore(d: number): void {
    const { ctx, path } = this;
    const m = ctx.machine;
    const s = path.states[d]!;
    const hash = m.hash(s);
    path.hashes[d] = hash;
    if (ctx.see(hash)) return;
    const enabled = m.enabledMask(s);
    path.enabled[d] = enabled;
    const again = path.onPath.get(hash);
    if (again !== undefined) {
      this.finish(d, "cycle", again);
      return;
    }
    if (enabled === 0) {
      this.finish(d, m.allDone(s) ? "final" : "blocked");
      return;
    }
    if (d >= MAX_DEPTH) {
      ctx.truncated++;
      this.finish(d, "cut");
      return;
    }
    if (!this.reduce) path.sleep[d] = 0;
    const awake = enabled & ~path.sleep[d]!;
    // Every enabled actor asleep: this schedule is equivalent to one explored already.
    if (awake === 0) return;
    path.backtrack[d] = this.reduce ? 1 << this.prefer(d, awake) : enabled;
    path.done[d] = 0;
    path.onPath.set(hash, d);
    for (;;) {
      const todo = path.backtrack[d]! & ~path.done[d]! & ~path.sleep[d]!;
      if (todo === 0) break;
      const q = this.prefer(d, todo);
      path.done[d]! |= 1 << q;
      if (path.preemptions[d]! + (path.preempts(d, q) ? 1 : 0) > this.bound) {
        this.pruned = true;
        continue;
      }
      if (this.fresh > d) this.fresh = d;
      const ok = path.advance(d, q);
      if (this.reduce) path.sleep[d + 1] = this.childSleep(d);
      if (ctx.step()) break;
      if (ok) this.explore(d + 1);
      else this.finish(d + 1, "failed");
      if (ctx.stopped !== undefined) break;
      if (this.reduce) path.sleep[d]! |= 1 << q;
    }
    path.onPath.delete(hash);
  }

  /** The actor to take first among `mask`: the thread that ran last (no preemption), else the lowest. */
  private prefer(d: number, mask: number): number {
    const last = this.path.lastThread[d]!;
    if (last >= 0 && (mask & (1 << last)) !== 0) return last;
    return 31 - Math.clz32(mask & -mask);
  }

  /** Sleepers at d whose next event is independent of the event just taken there stay asleep after it. */
  private childSleep(d: number): number {
    const { path } = this;
    const m = this.ctx.machine;
    let sleep = 0;
    let rest = path.sleep[d]!;
    while (rest !== 0) {
      const r = 31 - Math.clz32(rest & -rest);
      rest &= rest - 1;
      m.footprint(path.states[d]!, r, this.scratch, 0);
      if (!dependentFootprints(this.scratch, 0, path.footprints, d * FOOTPRINT)) sleep |= 1 << r;
    }
    return sleep;
  }

  private finish(n: number, ending: "final" | "blocked" | "failed" | "cut" | "cycle", cycleFrom = 0): void {
    if (ending === "cycle") this.ctx.endCycle(cycleFrom, n);
    else this.ctx.endExecution(n, ending);
    if (this.reduce) this.reverseRaces(n);
    this.fresh = Number.POSITIVE_INFINITY;
  }

  // ── Race reversal ───────────────────────────────────────────────────────

  private reverseRaces(n: number): void {
    const { path } = this;
    for (let j = this.fresh; j < n; j++) {
      const actor = path.records[j * RECORD]!;
      this.racesWith(j, path.footprints, j * FOOTPRINT, actor, this.isAcquisition(j));
    }
    // Events the execution never took: those of actors still enabled (the execution was cut at a
    // cycle, a failure or the depth limit) and of threads blocked on a mutex or a semaphore, which
    // race with the acquisition that blocked them.
    const m = this.ctx.machine;
    const s = path.states[n]!;
    for (let a = 0; a < m.actors; a++) {
      if (!m.enabled(s, a)) {
        if (m.isFlush(a)) continue;
        const status = m.status(s, a);
        if (status === Status.done || status === Status.waiting) continue;
        const op = m.instruction(s, a)!.op;
        if (status !== Status.woken && op !== Op.lock && op !== Op.acquire) continue;
      }
      m.footprint(s, a, this.scratch, FOOTPRINT);
      this.racesWith(n, this.scratch, FOOTPRINT, a, true);
    }
  }

  private isAcquisition(j: number): boolean {
    const op = this.path.records[j * RECORD + 1]!;
    return op === Op.lock || op === Op.reacquire || op === Op.acquire || op === Op.tryLock;
  }

  /**
   * The races of event j (or of a pending event at depth j, footprint fp[at…]): earlier dependent
   * events of other threads not ordered before j's thread's previous event, less those ordered
   * before another such event; for an acquisition, also every earlier acquisition of the same
   * object, which blocking hides behind the release between them.
   */
  private racesWith(j: number, fp: Int32Array, at: number, actor: number, acquisition: boolean): void {
    const { path } = this;
    const proc = fp[at]!;
    const p = this.ctx.machine.actors;
    let prev = -1;
    for (let k = j - 1; k >= 0; k--) {
      if (path.footprints[k * FOOTPRINT] === proc) {
        prev = k;
        break;
      }
    }
    const before = (i: number) =>
      prev >= 0 &&
      path.clocks[i * p + path.footprints[i * FOOTPRINT]!]! <=
        path.clocks[prev * p + path.footprints[i * FOOTPRINT]!]!;
    if (this.candidates.length < j) this.candidates = new Int32Array(2 * j);
    let count = 0;
    for (let i = 0; i < j; i++) {
      if (path.footprints[i * FOOTPRINT] === proc || before(i)) continue;
      if (dependentFootprints(path.footprints, i * FOOTPRINT, fp, at)) this.candidates[count++] = i;
    }
    for (let c = 0; c < count; c++) {
      const i = this.candidates[c]!;
      let covered = false;
      for (let k = c + 1; k < count && !covered; k++) covered = path.happensBefore(i, this.candidates[k]!);
      if (!covered || (acquisition && this.sameAcquisition(i, fp, at))) this.reverse(i, j, actor, fp, at);
    }
  }

  private sameAcquisition(i: number, fp: Int32Array, at: number): boolean {
    return this.isAcquisition(i) && this.path.footprints[i * FOOTPRINT + 1] === fp[at + 1];
  }

  /** Makes sure some initial of (the events after i not ordered after it) · j is explored at depth i. */
  private reverse(i: number, j: number, actor: number, fp: Int32Array, at: number): void {
    const { path } = this;
    const m = this.ctx.machine;
    const p = m.actors;
    let initials = 0;
    let seen = 0;
    for (let k = i + 1; k <= j; k++) {
      const pending = k === j;
      if (!pending && path.happensBefore(i, k)) continue;
      const a = pending ? actor : path.records[k * RECORD]!;
      if ((seen & (1 << a)) === 0) {
        seen |= 1 << a;
        let first = true;
        for (let x = i + 1; x < k && first; x++) {
          if (path.happensBefore(i, x)) continue;
          if (pending) {
            // The pending event's own clock is unknown: ordered after x if x's process is its own or x conflicts with it.
            if (
              path.footprints[x * FOOTPRINT] === fp[at] ||
              dependentFootprints(path.footprints, x * FOOTPRINT, fp, at)
            )
              first = false;
          } else if (path.happensBefore(x, k)) first = false;
        }
        if (first) initials |= 1 << a;
      }
    }
    if (initials === 0) initials = 1 << actor;
    if ((initials & path.backtrack[i]!) !== 0) return;
    const q = (initials & (1 << actor)) !== 0 ? actor : 31 - Math.clz32(initials & -initials);
    const enabled = path.enabled[i]!;
    path.backtrack[i]! |= (enabled & (1 << q)) !== 0 ? 1 << q : enabled;
    if (p > 0 && path.preemptions[i]! + (path.preempts(i, q) ? 1 : 0) > this.bound) {
      for (let k = i - 1; k >= 0; k--) {
        if ((path.enabled[k]! & (1 << q)) !== 0 && !path.preempts(k, q)) {
          path.backtrack[k]! |= 1 << q;
          break;
        }
      }
    }
  }
}
