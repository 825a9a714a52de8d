/**
 * A deadlock: no actor can move, yet some thread has not finished. Names what each blocked
 * thread waits for and the wait-for cycle among mutex holders when there is one; a thread left
 * waiting on a condition variable that no thread can notify any more is a lost wake-up.
 */
import { Op } from "./compiled-program";
import { type Machine, Status } from "./machine";

export interface DeadlockReport {
  message: string;
  threads: string[];
  cycle?: string[];
  lostWakeup: boolean;
}

export function describeDeadlock(machine: Machine, s: Int32Array): DeadlockReport {
  const p = machine.program;
  const names = p.threads.map((t) => t.name);
  const waitsFor = new Int32Array(machine.threads).fill(-1);
  const what: string[] = [];
  const blocked: number[] = [];
  let lostWakeup = false;
  for (let t = 0; t < machine.threads; t++) {
    const status = machine.status(s, t);
    if (status === Status.done) continue;
    blocked.push(t);
    const instr = machine.instruction(s, t)!;
    const held = p.mutexes.filter((_, m) => machine.owner(s, m) === t).map((m) => `"${m}"`);
    const holding = held.length === 0 ? "" : ` holds ${held.join(" and ")} and`;
    if (status === Status.waiting) {
      lostWakeup = true;
      what.push(
        `${names[t]}${holding} waits on "${p.conditions[instr.object]}", which no thread is left to notify`,
      );
    } else if (status === Status.woken || instr.op === Op.lock) {
      const mutex = status === Status.woken ? instr.mutex : instr.object;
      const owner = machine.owner(s, mutex);
      waitsFor[t] = owner;
      what.push(
        `${names[t]}${holding} waits for "${p.mutexes[mutex]}"${owner === t ? ", which it holds itself" : `, held by ${names[owner]}`}`,
      );
    } else if (instr.op === Op.acquire) {
      what.push(
        `${names[t]}${holding} waits for a permit of "${p.semaphores[instr.object]}", which has none`,
      );
    } else what.push(`${names[t]}${holding} cannot go on`);
  }
  const cycle = waitForCycle(waitsFor);
  const named = cycle?.map((t) => names[t]!);
  const head =
    named !== undefined ? `Deadlock: ${named.join(" → ")}. ` : lostWakeup ? "Lost wake-up: " : "Deadlock: ";
  return {
    message: `${head}${what.join("; ")}.`,
    threads: blocked.map((t) => names[t]!),
    ...(named === undefined ? {} : { cycle: named }),
    lostWakeup: lostWakeup && named === undefined,
  };
}

/** The first cycle in a functional wait-for graph (each thread waits for at most one), closed. */
function waitForCycle(waitsFor: Int32Array): number[] | undefined {
  for (let start = 0; start < waitsFor.length; start++) {
    const seen: number[] = [];
    let t = start;
    while (t >= 0 && !seen.includes(t)) {
      seen.push(t);
      t = waitsFor[t]!;
    }
    if (t >= 0) {
      const cycle = seen.slice(seen.indexOf(t));
      // Start from the lowest thread, so the same cycle is always named the same way.
      const low = cycle.indexOf(Math.min(...cycle));
      const ordered = [...cycle.slice(low), ...cycle.slice(0, low)];
      return [...ordered, ordered[0]!];
    }
  }
  return undefined;
}
