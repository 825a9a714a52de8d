/**
 * Sampling schedules, for programs too big to exhaust: seeded uniform random scheduling, or PCT
 * (probabilistic concurrency testing, Burckhardt et al. 2010): random priorities for the actors,
 * the highest enabled one always runs, and at d−1 random steps the running actor drops below all
 * others. PCT finds a bug of depth d with probability at least 1/(n·k^(d−1)) per execution.
 * Deterministic: the same program and seed give the same executions.
 */

import type { Rng } from "../random/rng";
import { randomStream } from "../random/streams";
import { MAX_DEPTH, type SearchContext } from "./search-context";

export class RandomSearch {
  private readonly ctx: SearchContext;
  private readonly rng: Rng;
  private readonly pct: boolean;
  private readonly priorities: Float64Array;
  private readonly changes: Int32Array;
  /** Longest execution seen so far: PCT picks its change points among this many steps. */
  private longest = 8;

  constructor(ctx: SearchContext) {
    this.ctx = ctx;
    this.pct = ctx.search.strategy === "pct";
    this.rng = randomStream(ctx.search.seed, this.pct ? "explorer-pct" : "explorer-random");
    this.priorities = new Float64Array(ctx.machine.actors);
    this.changes = new Int32Array(Math.max(0, ctx.search.depth - 1));
  }

  run(): void {
    while (this.ctx.stopped === undefined) this.execution();
  }

  private execution(): void {
    const { ctx } = this;
    const { path, machine: m } = ctx;
    if (this.pct) this.shuffle();
    path.reset();
    if (m.failure !== undefined) {
      ctx.endExecution(0, "failed");
      return;
    }
    for (let d = 0; ; d++) {
      const s = path.states[d]!;
      const hash = m.hash(s);
      if (ctx.see(hash)) return;
      const enabled = m.enabledMask(s);
      path.enabled[d] = enabled;
      const again = path.onPath.get(hash);
      if (again !== undefined) {
        this.end(d, () => ctx.endCycle(again, d));
        return;
      }
      if (enabled === 0) {
        this.end(d, () => ctx.endExecution(d, m.allDone(s) ? "final" : "blocked"));
        return;
      }
      if (d >= MAX_DEPTH) {
        ctx.truncated++;
        this.end(d, () => ctx.endExecution(d, "cut"));
        return;
      }
      path.onPath.set(hash, d);
      const actor = this.pct ? this.highest(enabled, d) : this.uniform(enabled);
      const ok = path.advance(d, actor);
      if (ctx.step()) return;
      if (!ok) {
        this.end(d + 1, () => ctx.endExecution(d + 1, "failed"));
        return;
      }
    }
  }

  private end(length: number, report: () => void): void {
    if (length > this.longest) this.longest = length;
    report();
  }

  private uniform(enabled: number): number {
    let count = 0;
    for (let rest = enabled; rest !== 0; rest &= rest - 1) count++;
    let pick = Math.floor(this.rng.nextDouble() * count);
    for (let rest = enabled; ; rest &= rest - 1) {
      if (pick-- === 0) return 31 - Math.clz32(rest & -rest);
    }
  }

  /** New random priorities (all above 0) and change points for one PCT execution. */
  private shuffle(): void {
    for (let a = 0; a < this.priorities.length; a++) this.priorities[a] = 1 + this.rng.nextDouble();
    for (let i = 0; i < this.changes.length; i++)
      this.changes[i] = Math.floor(this.rng.nextDouble() * this.longest);
  }

  private highest(enabled: number, d: number): number {
    let best = -1;
    for (let rest = enabled; rest !== 0; rest &= rest - 1) {
      const a = 31 - Math.clz32(rest & -rest);
      if (best < 0 || this.priorities[a]! > this.priorities[best]!) best = a;
    }
    // At the i-th change point the running actor drops to priority (i+1)/(d+1) < 1, below every initial one.
    for (let i = 0; i < this.changes.length; i++) {
      if (this.changes[i] === d) this.priorities[best] = (i + 1) / (this.changes.length + 1);
    }
    return best;
  }
}
