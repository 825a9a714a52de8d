/**
 * What a cycle of states means. The execution came back to a state it had been in, after the
 * events from depth `from` to `to`; the scheduler could repeat them forever. Judged by fairness:
 * - a thread that could move at every state of the cycle yet never moves: only an unfair
 *   scheduler repeats this cycle forever; not a fault of the program (weak fairness rules it out);
 * - else a thread that could move at some states (a lock was free now and then) yet never moves:
 *   starvation (an unfair lock lets the others barge in every time);
 * - else every thread that could move did, and none finishes: livelock.
 */
import type { ExecutionPath } from "./execution-path";
import { RECORD } from "./machine";

export type CycleVerdict =
  | { kind: "livelock"; threads: number[] }
  | { kind: "starvation"; threads: number[]; starved: number };

export function judgeCycle(path: ExecutionPath, from: number, to: number): CycleVerdict | undefined {
  const m = path.machine;
  let stepped = 0;
  for (let d = from; d < to; d++) stepped |= 1 << m.threadOf(path.records[d * RECORD]!);
  let always = -1;
  let sometimes = 0;
  for (let d = from; d < to; d++) {
    let threads = 0;
    const enabled = path.enabled[d]!;
    for (let a = 0; a < m.actors; a++) if (enabled & (1 << a)) threads |= 1 << m.threadOf(a);
    always &= threads;
    sometimes |= threads;
  }
  if ((always & ~stepped) !== 0) return undefined;
  const busy: number[] = [];
  for (let t = 0; t < m.threads; t++) if (stepped & (1 << t)) busy.push(t);
  const starved = sometimes & ~stepped;
  if (starved !== 0) return { kind: "starvation", threads: busy, starved: 31 - Math.clz32(starved & -starved) };
  return { kind: "livelock", threads: busy };
}
