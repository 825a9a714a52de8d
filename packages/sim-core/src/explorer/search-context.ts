/**
 * What every search shares: the machine and the path, the findings, the distinct states seen,
 * the budgets (executions, states, steps, wall time) and the checks run when an execution ends:
 * final check, assertion, deadlock, livelock and starvation, data race.
 */
import { catalogueError, catalogueMessage } from "../errors/catalogue";
import { Op } from "./compiled-program";
import { type CycleVerdict, judgeCycle } from "./cycle-check";
import { DataRaceDetector } from "./data-race-detector";
import { describeDeadlock } from "./deadlock";
import { ExecutionPath } from "./execution-path";
import type { ExplorerResult } from "./explorer-result";
import { evaluate } from "./expression";
import { Findings } from "./findings";
import { type Machine, RECORD } from "./machine";
import type { ProgramSearch } from "./program-model";

/** Longest execution explored; longer ones are cut (a loop that never repeats a state). */
export const MAX_DEPTH = 2000;
/** Steps between looks at the wall clock: performance.now() is too slow to call per step. */
const CLOCK_EVERY = 4096;

type Budget = NonNullable<ExplorerResult["stopped"]>["budget"];

export class SearchContext {
  readonly machine: Machine;
  readonly path: ExecutionPath;
  readonly findings = new Findings();
  readonly states = new Set<number>();
  readonly search: ProgramSearch;
  private readonly races: DataRaceDetector;
  private readonly names: string[];
  private readonly deadline: number;
  private nextClock = CLOCK_EVERY;
  steps = 0;
  executions = 0;
  /** Executions cut at MAX_DEPTH. */
  truncated = 0;
  stopped: Budget | undefined;

  private readonly signal: { aborted: boolean } | undefined;

  constructor(machine: Machine, search: ProgramSearch, signal?: { aborted: boolean }) {
    this.signal = signal;
    this.machine = machine;
    this.search = search;
    this.path = new ExecutionPath(machine);
    this.races = new DataRaceDetector(machine);
    this.names = machine.program.threads.map((t) => t.name);
    this.deadline = performance.now() + search.maxWallTime * 1000;
  }

  /** Counts a step; true when a budget says stop. */
  step(): boolean {
    this.steps++;
    if (this.steps >= this.search.maxSteps) return this.stop("steps");
    if (this.steps >= this.nextClock) {
      this.nextClock += CLOCK_EVERY;
      if (this.signal?.aborted) throw catalogueError("run.aborted", { time: 0 });
      if (performance.now() > this.deadline) return this.stop("wallTime");
    }
    return this.stopped !== undefined;
  }

  /** Records a state's hash; true when a budget says stop. */
  see(hash: number): boolean {
    this.states.add(hash);
    if (this.states.size >= this.search.maxStates) return this.stop("states");
    return this.stopped !== undefined;
  }

  stop(budget: Budget): true {
    this.stopped ??= budget;
    return true;
  }

  stoppedMessage(): NonNullable<ExplorerResult["stopped"]> | undefined {
    if (this.stopped !== undefined) {
      const field = {
        executions: "maxExecutions",
        states: "maxStates",
        steps: "maxSteps",
        wallTime: "maxWallTime",
        depth: "",
      }[this.stopped];
      const limit = this.search[field as "maxExecutions"];
      return {
        budget: this.stopped,
        message: catalogueMessage("limit.explorer", { budget: budgetWords(this.stopped), field, limit }),
      };
    }
    if (this.truncated > 0)
      return { budget: "depth", message: catalogueMessage("limit.explorer-depth", { limit: MAX_DEPTH }) };
    return undefined;
  }

  /** Ends an execution of n events (states[n] its last state); `ending` says how it ended. */
  endExecution(n: number, ending: "final" | "blocked" | "failed" | "cut"): void {
    this.executions++;
    if (this.executions >= this.search.maxExecutions) this.stop("executions");
    const m = this.machine;
    const path = this.path;
    const s = path.states[n]!;
    const preemptions = path.preemptions[n]!;
    if (ending === "final") {
      this.findings.outcome(s, m.program.variables.length, preemptions, n, () => path.schedule(n));
      const final = m.program.final;
      if (
        final !== undefined &&
        evaluate(final, s, 0) === 0 &&
        this.findings.wants("final", preemptions, n)
      ) {
        this.findings.violation("final", {
          kind: "final",
          message: `The final check fails: ${this.memoryText(s)} when every thread has finished.`,
          preemptions,
          schedule: path.schedule(n),
        });
      }
    } else if (ending === "blocked") {
      const report = describeDeadlock(m, s);
      const key = `deadlock:${report.cycle?.join(",") ?? report.threads.join(",")}`;
      if (this.findings.wants(key, preemptions, n)) {
        this.findings.violation(key, {
          kind: "deadlock",
          preemptions,
          schedule: path.schedule(n),
          ...report,
        });
      }
    } else if (ending === "failed") {
      const failure = m.failure!;
      const key = `assert:${failure.thread}:${failure.pc}`;
      if (this.findings.wants(key, preemptions, n)) {
        const at = m.program.threads[failure.thread]!.code[failure.pc]?.path ?? "the end";
        this.findings.violation(key, {
          kind: "assert",
          message: `${this.names[failure.thread]} ${failure.message} (at ${at}).`,
          preemptions,
          schedule: path.schedule(n),
          threads: [this.names[failure.thread]!],
        });
      }
    }
    this.checkRaces(n);
  }

  /** The execution came back at depth n to the state it was in at depth `from`. */
  endCycle(from: number, n: number): void {
    this.executions++;
    if (this.executions >= this.search.maxExecutions) this.stop("executions");
    const verdict = judgeCycle(this.path, from, n);
    if (verdict !== undefined)
      this.reportCycle(verdict, this.path.schedule(n), from, this.path.preemptions[n]!);
    this.checkRaces(n);
  }

  /** A livelock or starvation shown by `schedule`, whose repeating part starts at `from`. */
  reportCycle(
    verdict: CycleVerdict,
    schedule: number[],
    from: number,
    preemptions = countPreemptions(this.machine, schedule),
  ): void {
    const busy = verdict.threads.map((t) => this.names[t]!);
    const key = verdict.kind === "starvation" ? `starvation:${verdict.starved}` : "livelock";
    const n = schedule.length;
    if (!this.findings.wants(key, preemptions, n)) return;
    const message =
      verdict.kind === "livelock"
        ? `Livelock: ${list(busy)} keep${busy.length === 1 ? "s" : ""} running around a cycle of ${n - from} steps that comes back to the same state, and no thread ever finishes.`
        : `Starvation: ${this.names[verdict.starved]} could take its step now and then, but ${list(busy)} ${busy.length === 1 ? "takes" : "take"} the way every time, around a cycle of ${n - from} steps that can repeat forever (an unfair lock lets a thread barge in).`;
    this.findings.violation(key, {
      kind: verdict.kind,
      message,
      preemptions,
      schedule,
      threads: verdict.kind === "starvation" ? [this.names[verdict.starved]!] : busy,
      cycleStart: from,
    });
  }

  private checkRaces(n: number): void {
    const race = this.races.find(this.path.records, n);
    if (race === undefined) return;
    const r = this.path.records;
    const a = race.first * RECORD;
    const b = race.second * RECORD;
    const code = (e: number) => this.machine.program.threads[r[e]!]!.code[r[e + 3]!]!;
    const key = `race:${race.variable}`;
    const length = race.second + 1;
    const preemptions = this.path.preemptions[length]!;
    if (!this.findings.wants(key, preemptions, length)) return;
    const variable = this.machine.program.variables[race.variable]!;
    const access = (e: number) => {
      const op = r[e + 1]!;
      const verb = op === Op.load ? "load of" : op === Op.store ? "store to" : "update of";
      return `${this.names[r[e]!]}'s ${verb} "${variable}" (${code(e).path})`;
    };
    this.findings.violation(key, {
      kind: "data-race",
      message: `Data race on "${variable}": ${access(a)} and ${access(b)} are ordered by no lock, atomic or signal, so they can happen in either order or at once.`,
      preemptions,
      schedule: this.path.schedule(length),
      threads: [this.names[r[a]!]!, this.names[r[b]!]!],
      variable,
    });
  }

  private memoryText(s: Int32Array): string {
    return this.machine.program.variables.map((v, i) => `${v} = ${s[i]}`).join(", ");
  }
}

/** Preemptions in a schedule: switches away from a thread that could have gone on. */
export function countPreemptions(machine: Machine, schedule: readonly number[]): number {
  const s = new Int32Array(machine.size);
  machine.init(s);
  const rec = new Int32Array(RECORD);
  let last = -1;
  let count = 0;
  for (const actor of schedule) {
    if (!machine.isFlush(actor)) {
      if (last >= 0 && last !== actor && machine.enabled(s, last)) count++;
      last = actor;
    }
    machine.step(s, actor, rec, 0);
  }
  return count;
}

function list(names: string[]): string {
  return names.length <= 1
    ? (names[0] ?? "no thread")
    : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

function budgetWords(budget: Budget): string {
  return {
    executions: "executions",
    states: "states",
    steps: "steps",
    wallTime: "wall-time",
    depth: "depth",
  }[budget];
}
