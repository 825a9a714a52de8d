/**
 * Paired comparisons: two scenarios ("a" and "b") run as replications on the same seeds, so that
 * with common random numbers (random/request-random.ts) request N arrives at the same time and
 * brings the same work on both sides. Each key figure's difference (b − a) is estimated from the
 * per-replication differences, with a Student-t 95% interval: the pairing removes the noise the
 * two sides share, which is most of it when they differ in one parameter.
 *
 * Both sides take side a's seed, and the larger of their `run.replications` (10 when neither
 * gives one). A precision target is not taken: a comparison's replications are paired, one count
 * for both.
 */
import { catalogueError } from "../errors/catalogue";
import type { Problem } from "../errors/problem";
import { keyFigures } from "../result/key-figures";
import type { Result } from "../result/model";
import type { Scenario } from "../scenario/model";
import { parseScenario } from "../scenario/parse-scenario";
import {
  estimate,
  type ReplicationPlan,
  type ReplicationRunner,
  replicate,
  replicateWith,
} from "./replications";
import type { RunOptions } from "./run-options";

/** Replications of each side when neither scenario says how many. */
export const COMPARISON_REPLICATIONS = 10;

/** A difference b − a: its mean over the paired replications and a Student-t 95% interval. */
export interface Difference {
  value: number;
  ci95: [number, number];
}

export interface ComparisonResult {
  a: Result;
  b: Result;
  difference: {
    latency: { mean: Difference; p50: Difference; p90: Difference; p99: Difference };
    wait: { mean: Difference; p99: Difference };
    throughput: Difference;
    inSystem: { mean: Difference };
    /** The utilisation of each component both sides have. */
    components: Record<string, { utilization: Difference }>;
  };
}

export type Side = "a" | "b";

/**
 * Both sides parsed and made ready to pair: the same seed, the same replication count. Throws
 * `scenario.invalid` listing the problems of both, each path starting with its side ("a.run…").
 */
export function comparisonScenarios(inputA: unknown, inputB: unknown): { a: Scenario; b: Scenario } {
  const problems: Problem[] = [];
  const parse = (input: unknown, side: Side): Scenario | undefined => {
    const parsed = parseScenario(input);
    if (!parsed.ok) {
      for (const problem of parsed.problems) problems.push(onSide(problem, side));
      return undefined;
    }
    if (parsed.scenario.run.precision !== undefined) {
      problems.push(
        onSide(
          {
            path: "run.precision",
            code: "comparison.precision",
            message: catalogueError("comparison.precision", {}).message,
          },
          side,
        ),
      );
    }
    return parsed.scenario;
  };
  const a = parse(inputA, "a");
  const b = parse(inputB, "b");
  if (a === undefined || b === undefined || problems.length > 0)
    throw catalogueError("scenario.invalid", { count: problems.length }, problems);
  const replications = Math.max(a.run.replications ?? 0, b.run.replications ?? 0) || COMPARISON_REPLICATIONS;
  const paired = (scenario: Scenario): Scenario => ({
    ...scenario,
    seed: a.seed,
    run: { ...scenario.run, replications },
  });
  return { a: paired(a), b: paired(b) };
}

/** A problem of one side: its path starts with the side, its message names it. */
function onSide(problem: Problem, side: Side): Problem {
  const path =
    problem.path === ""
      ? side
      : /^\[/.test(problem.path)
        ? `${side}${problem.path}`
        : `${side}.${problem.path}`;
  return { ...problem, path, message: `In scenario ${side}: ${problem.message}` };
}

/** Runs both sides on this thread and pairs them. */
export function compare(inputA: unknown, inputB: unknown, options: RunOptions = {}): ComparisonResult {
  const { a, b } = comparisonScenarios(inputA, inputB);
  return comparePaired(a, b, options);
}

/** Runs two scenarios already paired by `comparisonScenarios` (a comparison document's). */
export function comparePaired(a: Scenario, b: Scenario, options: RunOptions = {}): ComparisonResult {
  return pairUp(replicate(a, options), replicate(b, options));
}

/** Runs both sides' replications through `run`, `parallelism` at a time (side a first), and pairs them. */
export async function compareWith(
  inputA: unknown,
  inputB: unknown,
  run: ReplicationRunner,
  parallelism: number,
  options: RunOptions = {},
): Promise<ComparisonResult> {
  const { a, b } = comparisonScenarios(inputA, inputB);
  const planA = await replicateWith(a, run, parallelism, options);
  const planB = await replicateWith(b, run, parallelism, options);
  return pairUp(planA, planB);
}

function pairUp(planA: ReplicationPlan, planB: ReplicationPlan): ComparisonResult {
  const figuresA = planA.runs().map(keyFigures);
  const figuresB = planB.runs().map(keyFigures);
  const difference = (name: string): Difference => {
    const { value, ci95 } = estimate(
      figuresA.map((a, i) => (figuresB[i]!.get(name) ?? 0) - (a.get(name) ?? 0)),
    );
    return { value, ci95 };
  };
  const components: ComparisonResult["difference"]["components"] = {};
  for (const name of [...figuresA[0]!.keys()]) {
    const component = /^components\.(.+)\.utilization$/.exec(name)?.[1];
    if (component !== undefined && figuresB[0]!.has(name))
      components[component] = { utilization: difference(name) };
  }
  return {
    a: planA.summary(),
    b: planB.summary(),
    difference: {
      latency: {
        mean: difference("latency.mean"),
        p50: difference("latency.p50"),
        p90: difference("latency.p90"),
        p99: difference("latency.p99"),
      },
      wait: { mean: difference("wait.mean"), p99: difference("wait.p99") },
      throughput: difference("throughput"),
      inSystem: { mean: difference("inSystem.mean") },
      components,
    },
  };
}
