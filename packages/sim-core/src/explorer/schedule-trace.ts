/**
 * Turns a schedule (the actors in order) into the trace a person reads: for each event the
 * thread, the step's JSON path, what it did, the values read and written, the thread's store
 * buffer under TSO and whether it preempted another thread. Replays the schedule from the start.
 */
import { Op } from "./compiled-program";
import type { TraceStep } from "./explorer-result";
import { type Machine, RECORD } from "./machine";

export function scheduleTrace(machine: Machine, schedule: readonly number[]): TraceStep[] {
  const p = machine.program;
  const names = p.threads.map((t) => t.name);
  let s = new Int32Array(machine.size);
  machine.init(s);
  const rec = new Int32Array(RECORD);
  const trace: TraceStep[] = [];
  let last = -1;
  for (const actor of schedule) {
    const t = machine.threadOf(actor);
    const flush = machine.isFlush(actor);
    const preemption = !flush && last >= 0 && last !== t && machine.enabled(s, last);
    if (!flush) last = t;
    const instr = flush ? undefined : machine.instruction(s, t);
    const next = s.slice();
    machine.step(next, actor, rec, 0);
    const op = rec[1]!;
    const variable = (i: number) => p.variables[i]!;
    const register =
      instr !== undefined && instr.register >= 0 ? p.threads[t]!.registers[instr.register] : undefined;
    const step: TraceStep = { thread: names[t]!, step: flush ? "flush" : instr!.path, action: "" };
    const object = rec[2]!;
    switch (op) {
      case Op.flush:
        step.action = `store buffer flushes ${variable(object)} = ${rec[5]} to memory`;
        step.wrote = { variable: variable(object), value: rec[5]! };
        break;
      case Op.load:
        step.action = `load ${variable(object)} → ${register ?? "(discarded)"} = ${rec[4]}${rec[6] === 0 ? " (from its own store buffer)" : ""}`;
        step.read = { variable: variable(object), value: rec[4]! };
        break;
      case Op.store:
        step.action = `store ${variable(object)} = ${rec[5]}${machine.tso ? " (into its store buffer)" : ""}`;
        step.wrote = { variable: variable(object), value: rec[5]! };
        break;
      case Op.cas:
        step.action = `cas ${variable(object)}: read ${rec[4]}, ${rec[6] === 1 ? `wrote ${rec[5]}` : "no swap"}`;
        step.read = { variable: variable(object), value: rec[4]! };
        if (rec[6] === 1) step.wrote = { variable: variable(object), value: rec[5]! };
        break;
      case Op.fetchAdd:
        step.action = `fetchAdd ${variable(object)}: ${rec[4]} → ${rec[5]}`;
        step.read = { variable: variable(object), value: rec[4]! };
        step.wrote = { variable: variable(object), value: rec[5]! };
        break;
      case Op.lock:
        step.action = `lock ${p.mutexes[object]}`;
        break;
      case Op.unlock:
        step.action = `unlock ${p.mutexes[object]}`;
        break;
      case Op.tryLock:
        step.action = `tryLock ${p.mutexes[object]}: ${rec[6] === 1 ? "taken" : "busy"}`;
        break;
      case Op.wait:
        step.action = `wait on ${p.conditions[object]}, releasing ${p.mutexes[instr!.mutex]}`;
        break;
      case Op.spurious:
        step.action = `wakes spuriously from ${p.conditions[object]}`;
        break;
      case Op.reacquire:
        step.action = `woken, takes ${p.mutexes[object]} back`;
        break;
      case Op.notify:
      case Op.notifyAll:
        step.action = `${op === Op.notify ? "notify" : "notifyAll"} ${p.conditions[object]}: ${rec[4] === 0 ? "nobody waiting" : `woke ${rec[4]}`}`;
        break;
      case Op.acquire:
        step.action = `acquire ${p.semaphores[object]}`;
        break;
      case Op.release:
        step.action = `release ${p.semaphores[object]}`;
        break;
      case Op.fence:
        step.action = "fence";
        break;
      default:
        step.action = "yield";
    }
    if (machine.failure !== undefined) step.action += ` — then ${machine.failure.message}`;
    if (machine.tso) {
      const buffer: { variable: string; value: number }[] = [];
      for (let i = 0; i < machine.bufferLength(next, t); i++) {
        const [v, value] = machine.bufferEntry(next, t, i);
        buffer.push({ variable: variable(v), value });
      }
      step.buffer = buffer;
    }
    if (preemption) step.preemption = true;
    trace.push(step);
    s = next;
  }
  return trace;
}
