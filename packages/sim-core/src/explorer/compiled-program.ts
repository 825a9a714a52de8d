/**
 * A program compiled for the interpreter: each thread's steps flattened into instructions
 * (if/while become conditional jumps), names turned into indexes, expressions resolved to
 * register slots. Local instructions (let, jumps, assert) run eagerly after a thread's visible
 * step; only visible ones (loads, stores, locks, …) are scheduling points.
 */
import { type Expression, parseExpression, resolveNames } from "./expression";
import { registersOf, threadSteps } from "./parse-program";
import type { ExpressionSource, MemoryModel, Program, ProgramStep } from "./program-model";

export const Op = {
  load: 0,
  store: 1,
  cas: 2,
  fetchAdd: 3,
  lock: 4,
  unlock: 5,
  tryLock: 6,
  wait: 7,
  notify: 8,
  notifyAll: 9,
  acquire: 10,
  release: 11,
  fence: 12,
  yield: 13,
  // Local: never a scheduling point.
  let: 20,
  jumpIfZero: 21,
  jump: 22,
  assert: 23,
  // Not instructions but events: a TSO buffer flush, a spurious wake-up, taking the mutex back after a wait.
  flush: 30,
  spurious: 31,
  reacquire: 32,
} as const;

export interface Instruction {
  op: number;
  /** Variable, mutex, condition variable or semaphore index. */
  object: number;
  /** The mutex of a wait. */
  mutex: number;
  /** Register written, or -1. */
  register: number;
  first: Expression | undefined;
  second: Expression | undefined;
  /** Jump target. */
  target: number;
  /** JSON path of the step in the program. */
  path: string;
  message: string | undefined;
}

export interface CompiledThread {
  name: string;
  code: Instruction[];
  registers: string[];
}

export interface CompiledProgram {
  memoryModel: MemoryModel;
  variables: string[];
  initial: number[];
  atomic: boolean[];
  mutexes: string[];
  conditions: string[];
  semaphores: string[];
  permits: number[];
  threads: CompiledThread[];
  final: Expression | undefined;
  spuriousWakeups: boolean;
  bufferCapacity: number;
}

export function compileProgram(program: Program): CompiledProgram {
  const variables = Object.keys(program.shared);
  const semaphores = Object.keys(program.semaphores);
  const mutexes: string[] = [];
  const conditions: string[] = [];
  const indexOf = (names: string[], name: string) => {
    let i = names.indexOf(name);
    if (i < 0) i = names.push(name) - 1;
    return i;
  };
  const threads = program.threads.map((thread, t): CompiledThread => {
    const steps = threadSteps(program, t);
    const sourceIndex = "copy" in thread ? program.threads.findIndex((s) => s.name === thread.copy) : t;
    const registers = registersOf(steps);
    const register = (name: string | undefined) => (name === undefined ? -1 : registers.indexOf(name));
    const expression = (source: ExpressionSource): Expression => {
      const parsed = parseExpression(source);
      if (!parsed.ok) throw new Error(`unparsed expression ${String(source)}`);
      return resolveNames(parsed.expression, (name) => registers.indexOf(name));
    };
    const code: Instruction[] = [];
    const emit = (op: number, path: string, fields: Partial<Instruction> = {}) =>
      code.push({
        op,
        object: -1,
        mutex: -1,
        register: -1,
        first: undefined,
        second: undefined,
        target: -1,
        path,
        message: undefined,
        ...fields,
      }) - 1;
    const block = (list: readonly ProgramStep[], base: string) => {
      for (const [j, step] of list.entries()) compileStep(step, `${base}[${j}]`);
    };
    const compileStep = (step: ProgramStep, path: string) => {
      if ("load" in step)
        emit(Op.load, path, { object: variables.indexOf(step.load), register: register(step.into) });
      else if ("store" in step)
        emit(Op.store, path, { object: variables.indexOf(step.store), first: expression(step.value) });
      else if ("let" in step)
        emit(Op.let, path, { register: register(step.let), first: expression(step.value) });
      else if ("cas" in step)
        emit(Op.cas, path, {
          object: variables.indexOf(step.cas),
          first: expression(step.expect),
          second: expression(step.value),
          register: register(step.into),
        });
      else if ("fetchAdd" in step)
        emit(Op.fetchAdd, path, {
          object: variables.indexOf(step.fetchAdd),
          first: expression(step.by),
          register: register(step.into),
        });
      else if ("lock" in step) emit(Op.lock, path, { object: indexOf(mutexes, step.lock) });
      else if ("unlock" in step) emit(Op.unlock, path, { object: indexOf(mutexes, step.unlock) });
      else if ("tryLock" in step)
        emit(Op.tryLock, path, { object: indexOf(mutexes, step.tryLock), register: register(step.into) });
      else if ("wait" in step)
        emit(Op.wait, path, { object: indexOf(conditions, step.wait), mutex: indexOf(mutexes, step.mutex) });
      else if ("notify" in step) emit(Op.notify, path, { object: indexOf(conditions, step.notify) });
      else if ("notifyAll" in step) emit(Op.notifyAll, path, { object: indexOf(conditions, step.notifyAll) });
      else if ("acquire" in step) emit(Op.acquire, path, { object: semaphores.indexOf(step.acquire) });
      else if ("release" in step) emit(Op.release, path, { object: semaphores.indexOf(step.release) });
      else if ("fence" in step) emit(Op.fence, path);
      else if ("yield" in step) emit(Op.yield, path);
      else if ("assert" in step)
        emit(Op.assert, path, {
          first: expression(step.assert),
          message: step.message ?? `fails its assertion ${JSON.stringify(step.assert)}`,
        });
      else if ("if" in step) {
        const test = emit(Op.jumpIfZero, path, { first: expression(step.if) });
        block(step.then, `${path}.then`);
        if (step.else === undefined) code[test]!.target = code.length;
        else {
          const skip = emit(Op.jump, path);
          code[test]!.target = code.length;
          block(step.else, `${path}.else`);
          code[skip]!.target = code.length;
        }
      } else if ("while" in step) {
        const test = emit(Op.jumpIfZero, path, { first: expression(step.while) });
        block(step.do, `${path}.do`);
        emit(Op.jump, path, { target: test });
        code[test]!.target = code.length;
      }
    };
    block(steps, `threads[${sourceIndex}].steps`);
    return { name: thread.name, code, registers };
  });
  let final: Expression | undefined;
  if (program.check.final !== undefined) {
    const parsed = parseExpression(program.check.final);
    if (parsed.ok) final = resolveNames(parsed.expression, (name) => variables.indexOf(name));
  }
  return {
    memoryModel: program.memoryModel,
    variables,
    initial: variables.map((v) => program.shared[v]!),
    atomic: variables.map((v) => program.atomic.includes(v)),
    mutexes,
    conditions,
    semaphores,
    permits: semaphores.map((s) => program.semaphores[s]!),
    threads,
    final,
    spuriousWakeups: program.spuriousWakeups,
    bufferCapacity: program.storeBuffer,
  };
}
