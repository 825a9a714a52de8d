/**
 * Reads a program as a user wrote it: validates its shape (program-schema.ts), then its names
 * and expressions, reporting every problem at once with its JSON path and a sentence saying
 * what to do; or returns the normalized Program.
 */
import { catalogueMessage, type ErrorCode, type ErrorParams } from "../errors/catalogue";
import type { Problem } from "../errors/problem";
import { formatPath } from "../scenario/json-path";
import { nearestName } from "../scenario/nearest-name";
import { problemsFromIssues, unknownKeyMessage } from "../scenario/problems-from-issues";
import { showValue } from "../scenario/show-value";
import { expressionNames, parseExpression } from "./expression";
import type { ExpressionSource, Program, ProgramStep } from "./program-model";
import { programSchema } from "./program-schema";

export type ParsedProgram = { ok: true; program: Program } | { ok: false; problems: Problem[] };

export function parseProgram(input: unknown): ParsedProgram {
  const parsed = programSchema.safeParse(input, { reportInput: true, error: unknownKeyMessage });
  if (!parsed.success) {
    // Names and expressions are checked too where the shape allows, so that every problem is listed at once.
    const shape = problemsFromIssues(parsed.error.issues);
    const taken = new Set(shape.map((p) => p.path));
    return { ok: false, problems: [...shape, ...lenientProblems(input).filter((p) => !taken.has(p.path))] };
  }
  const problems = programProblems(parsed.data);
  return problems.length === 0 ? { ok: true, program: parsed.data } : { ok: false, problems };
}

type Path = (string | number)[];

function problem<C extends ErrorCode>(path: Path, code: C, params: ErrorParams<C>): Problem {
  return { path: formatPath(path), code, message: catalogueMessage(code, params) };
}

/** The steps of a thread, its own or those of the thread it copies. */
export function threadSteps(program: Program, index: number): ProgramStep[] {
  const thread = program.threads[index]!;
  if ("steps" in thread) return thread.steps;
  const source = program.threads.find((t) => t.name === thread.copy && "steps" in t);
  return source !== undefined && "steps" in source ? source.steps : [];
}

/** Every register a list of steps sets (by `into` or `let`), in order of appearance. */
export function registersOf(steps: readonly ProgramStep[], into: string[] = []): string[] {
  for (const step of steps) {
    const set = "let" in step ? step.let : "into" in step ? step.into : undefined;
    if (set !== undefined && !into.includes(set)) into.push(set);
    if ("if" in step) {
      registersOf(step.then, into);
      if (step.else !== undefined) registersOf(step.else, into);
    }
    if ("while" in step) registersOf(step.do, into);
  }
  return into;
}

function programProblems(program: Program): Problem[] {
  const problems: Problem[] = [];
  const variables = Object.keys(program.shared);
  const semaphores = Object.keys(program.semaphores);
  const withSteps = program.threads.filter((t) => "steps" in t).map((t) => t.name);
  const seen = new Set<string>();
  program.threads.forEach((thread, i) => {
    if (seen.has(thread.name))
      problems.push(problem(["threads", i, "name"], "program.duplicate-thread", { name: thread.name }));
    seen.add(thread.name);
    if ("copy" in thread && !withSteps.includes(thread.copy)) {
      problems.push(
        problem(["threads", i, "copy"], "program.unknown-thread", {
          name: thread.copy,
          threads: withSteps,
          near: nearestName(thread.copy, withSteps),
        }),
      );
    }
  });
  program.atomic.forEach((name, i) => {
    if (!variables.includes(name)) problems.push(unknownVariable(["atomic", i], name, variables));
  });
  const check = (path: Path, steps: readonly ProgramStep[], thread: string, registers: string[]) => {
    const expression = (at: Path, source: ExpressionSource) => {
      const parsed = parseExpression(source);
      if (!parsed.ok) {
        problems.push(problem(at, "program.expression", { got: showValue(source), reason: parsed.error }));
        return;
      }
      for (const name of expressionNames(parsed.expression)) {
        if (registers.includes(name)) continue;
        if (variables.includes(name)) problems.push(problem(at, "program.shared-in-expression", { name }));
        else
          problems.push(
            problem(at, "program.unknown-register", {
              name,
              thread,
              registers,
              near: nearestName(name, registers),
            }),
          );
      }
    };
    const variable = (at: Path, name: string) => {
      if (!variables.includes(name)) problems.push(unknownVariable(at, name, variables));
    };
    steps.forEach((step, j) => {
      const at = [...path, j];
      if ("load" in step) variable([...at, "load"], step.load);
      if ("store" in step) {
        variable([...at, "store"], step.store);
        expression([...at, "value"], step.value);
      }
      if ("let" in step) expression([...at, "value"], step.value);
      if ("cas" in step) {
        variable([...at, "cas"], step.cas);
        expression([...at, "expect"], step.expect);
        expression([...at, "value"], step.value);
      }
      if ("fetchAdd" in step) {
        variable([...at, "fetchAdd"], step.fetchAdd);
        expression([...at, "by"], step.by);
      }
      for (const key of ["acquire", "release"] as const) {
        if (key in step) {
          const name = (step as Record<string, string>)[key]!;
          if (!semaphores.includes(name)) {
            problems.push(
              problem([...at, key], "program.unknown-semaphore", {
                name,
                semaphores,
                near: nearestName(name, semaphores),
              }),
            );
          }
        }
      }
      if ("assert" in step) expression([...at, "assert"], step.assert);
      if ("if" in step) {
        expression([...at, "if"], step.if);
        check([...at, "then"], step.then, thread, registers);
        if (step.else !== undefined) check([...at, "else"], step.else, thread, registers);
      }
      if ("while" in step) {
        expression([...at, "while"], step.while);
        check([...at, "do"], step.do, thread, registers);
      }
    });
  };
  program.threads.forEach((thread, i) => {
    if ("steps" in thread)
      check(["threads", i, "steps"], thread.steps, thread.name, registersOf(thread.steps));
  });
  if (program.check.final !== undefined) {
    const parsed = parseExpression(program.check.final);
    if (!parsed.ok) {
      problems.push(
        problem(["check", "final"], "program.expression", {
          got: showValue(program.check.final),
          reason: parsed.error,
        }),
      );
    } else {
      for (const name of expressionNames(parsed.expression)) {
        if (!variables.includes(name)) problems.push(unknownVariable(["check", "final"], name, variables));
      }
    }
  }
  return problems;
}

/** The name and expression problems of a document whose shape is wrong, as far as it can be read. */
function lenientProblems(input: unknown): Problem[] {
  if (input === null || typeof input !== "object" || Array.isArray(input)) return [];
  const raw = input as Record<string, unknown>;
  const record = (v: unknown) => (v !== null && typeof v === "object" && !Array.isArray(v) ? v : {});
  const threads = Array.isArray(raw.threads)
    ? raw.threads.filter(
        (t) => t !== null && typeof t === "object" && typeof (t as { name?: unknown }).name === "string",
      )
    : [];
  try {
    return programProblems({
      shared: record(raw.shared),
      semaphores: record(raw.semaphores),
      atomic: Array.isArray(raw.atomic) ? raw.atomic.filter((a) => typeof a === "string") : [],
      threads,
      check: record(raw.check),
    } as unknown as Program);
  } catch {
    return []; // a part too malformed to read: its shape problems say what to fix first
  }
}

function unknownVariable(path: Path, name: string, variables: string[]): Problem {
  return problem(path, "program.unknown-variable", { name, variables, near: nearestName(name, variables) });
}
