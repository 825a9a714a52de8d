/**
 * What a cycle of states means. The execution came back to a state it had been in, after the
 * events from depth `from` to `to`; the scheduler could repeat them forever. Judged by fairness:
 * - a thread that could move at every state of the cycle yet never moves: only an unfair
 *   scheduler repeats this cycle forever; not a fault of the program (weak fairness rules it out);
 * - else a thread that could move at some states (a lock was free now and then) yet never moves:
 *   starvation (an unfair lock lets the others barge in every time);
 * - a cycle through a spurious wake-up is never a fault: no thread wakes spuriously for ever;
 * - else every thread that could move did, and none finishes: livelock.
 */
import { Op } from "./compiled-program";
import type { ExecutionPath } from "./execution-path";
import { type Machine, RECORD } from "./machine";

export type CycleVerdict =
  | { kind: "livelock"; threads: number[] }
  | { kind: "starvation"; threads: number[]; starved: number };

export function judgeCycle(path: ExecutionPath, from: number, to: number): CycleVerdict | undefined {
  const m = path.machine;
  let stepped = 0;
  for (let d = from; d < to; d++) {
    // No thread wakes spuriously for ever: a cycle through a spurious wake-up is not a fault.
    if (path.records[d * RECORD + 1] === Op.spurious) return undefined;
    stepped |= 1 << path.records[d * RECORD]!;
  }
  let always = -1;
  let sometimes = 0;
  for (let d = from; d < to; d++) {
    always &= path.enabled[d]!;
    sometimes |= path.enabled[d]!;
  }
  return judgeMasks(m, stepped, always, sometimes);
}

/**
 * The verdict from which actors stepped, were enabled at every state, and at some state. A store
 * buffer's flush is an actor of its own here: a flush left pending for ever is as unfair as a
 * thread never scheduled.
 */
export function judgeMasks(
  m: Machine,
  stepped: number,
  always: number,
  sometimes: number,
): CycleVerdict | undefined {
  if ((always & ~stepped) !== 0) return undefined;
  const busy: number[] = [];
  for (let t = 0; t < m.threads; t++)
    if (stepped & (1 << t) || stepped & (1 << (t + m.threads))) busy.push(t);
  const starved = sometimes & ~stepped;
  if (starved !== 0)
    return { kind: "starvation", threads: busy, starved: m.threadOf(31 - Math.clz32(starved & -starved)) };
  return { kind: "livelock", threads: busy };
}
