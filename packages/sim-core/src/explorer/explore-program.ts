/**
 * Explores a program: the one entry point. Exhaustive search runs preemption-bounded passes
 * (0, 1, … up to search.preemptions), so each violation is first met, and reported, with the
 * fewest preemptions that show it, then one unbounded pass whose executions and outcomes are
 * reported; random and PCT search sample schedules. Budgets end any search with a clear result.
 */

import { ENGINE_VERSION } from "../version";
import { compileProgram } from "./compiled-program";
import type { ExplorerResult, Violation } from "./explorer-result";
import { Machine } from "./machine";
import { canonical, sha256Hex } from "./program-canonical";
import type { Program } from "./program-model";
import { RandomSearch } from "./random-search";
import { scheduleTrace } from "./schedule-trace";
import { SearchContext } from "./search-context";
import { findCycles, hasLoops } from "./state-graph";
import { SystematicSearch } from "./systematic-search";

const KIND_ORDER = ["final", "assert", "deadlock", "livelock", "starvation", "data-race"];

/** How a host runs the explorer: a stricter wall-time cap, and cooperative cancellation. */
export interface ExploreOptions {
  /** Seconds; the stricter of this and the program's search.maxWallTime wins. */
  maxWallTime?: number;
  signal?: { aborted: boolean };
}

export function exploreProgram(program: Program, options: ExploreOptions = {}): ExplorerResult {
  const machine = new Machine(compileProgram(program));
  const search =
    options.maxWallTime !== undefined && options.maxWallTime < program.search.maxWallTime
      ? { ...program.search, maxWallTime: options.maxWallTime }
      : program.search;
  const ctx = new SearchContext(machine, search, options.signal);
  let exhaustive = false;
  let executions = 0;
  let passes: ExplorerResult["passes"];
  if (program.search.strategy === "exhaustive") {
    const search = new SystematicSearch(ctx);
    passes = [];
    for (let bound = 0; bound <= program.search.preemptions && ctx.stopped === undefined; bound++) {
      ctx.findings.clearOutcomes();
      const pass = search.pass(bound);
      passes.push({ preemptions: bound, executions: pass.executions });
      executions = pass.executions;
      if (!pass.pruned) {
        exhaustive = true;
        break;
      }
    }
    if (!exhaustive && ctx.stopped === undefined && program.search.unbounded) {
      ctx.findings.clearOutcomes();
      const pass = search.pass(Number.POSITIVE_INFINITY);
      passes.push({ preemptions: null, executions: pass.executions });
      executions = pass.executions;
      exhaustive = true;
    }
    // A search cut at the depth limit met a loop whose states never repeat: its graph has no end.
    if (hasLoops(machine) && ctx.stopped === undefined && ctx.truncated === 0) findCycles(ctx);
    exhaustive &&= ctx.stopped === undefined && ctx.truncated === 0;
  } else {
    new RandomSearch(ctx).run();
    executions = ctx.executions;
  }
  const names = machine.program.variables;
  const outcomes = [...ctx.findings.outcomes.values()]
    .sort((a, b) => compareArrays(a.shared, b.shared))
    .map((o) => ({
      shared: Object.fromEntries(names.map((n, i) => [n, o.shared[i]!])),
      count: o.count,
      schedule: scheduleTrace(machine, o.schedule),
    }));
  const violations = [...ctx.findings.violations.values()]
    .sort(
      (a, b) =>
        KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
        a.preemptions - b.preemptions ||
        a.schedule.length - b.schedule.length,
    )
    .map((v): Violation => {
      const { schedule, ...rest } = v;
      return { ...rest, schedule: scheduleTrace(machine, schedule) };
    });
  const result: ExplorerResult = {
    engine: { name: "syslab", version: ENGINE_VERSION },
    programHash: sha256Hex(canonical(program)),
    memoryModel: program.memoryModel,
    strategy: program.search.strategy,
    exhaustive,
    executions,
    states: ctx.states.size,
    steps: ctx.steps,
    outcomes,
    violations,
  };
  if (program.name !== undefined) result.name = program.name;
  if (passes !== undefined) result.passes = passes;
  const stopped = ctx.stoppedMessage();
  if (stopped !== undefined) result.stopped = stopped;
  return result;
}

function compareArrays(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
