/**
 * Independent replications of one scenario: replication i runs with seed `replicationSeed(seed, i)`
 * (replication 0 with the scenario's own seed), and the result gives, for every key figure, the
 * mean over replications with a Student-t 95% interval. With a precision target the plan stops
 * at the first replication count (from `minReplications` on) whose interval for the metric is
 * narrow enough. Replications may finish in any order and on any number of threads: decisions
 * are taken on the prefix 0…k−1 only, so the result never depends on how they were scheduled.
 *
 * Limits apply to each replication (the scenario's and the host's, as for one run) and to the
 * replications together: the events and the wall time of all of them count against the same caps.
 */
import { catalogueError } from "../errors/catalogue";
import { SyslabError } from "../errors/syslab-error";
import { mix32 } from "../random/streams";
import { keyFigures } from "../result/key-figures";
import type { Estimate, ReplicationSummary, Result } from "../result/model";
import type { RunLimits, Scenario } from "../scenario/model";
import { RunningMoments } from "../stats/running-moments";
import { tableStudentT975 } from "../stats/student-t";
import { effectiveLimits } from "./limits";
import { round } from "./round";
import type { RunOptions } from "./run-options";
import { runScenario } from "./run-scenario";

/** Seed of replication `index`: the scenario's own for 0, a hash of (seed, index) for the others. */
export function replicationSeed(seed: number, index: number): number {
  if (index === 0) return seed;
  const low = seed | 0;
  const high = Math.floor(seed / 4294967296) | 0;
  return mix32(low ^ mix32(high ^ mix32(Math.imul(index, 0x9e3779b9) ^ 0x5bd1e995))) >>> 0;
}

/** Mean, sample sd and Student-t 95% interval of a list of values (one per replication). */
export function estimate(values: readonly number[]): Estimate {
  const moments = new RunningMoments();
  for (const value of values) moments.add(value);
  const sd = Math.sqrt(moments.variance);
  const half = values.length > 1 ? (tableStudentT975(values.length - 1) * sd) / Math.sqrt(values.length) : 0;
  return {
    value: round(moments.mean),
    ci95: [round(moments.mean - half), round(moments.mean + half)],
    sd: round(sd),
  };
}

/** Relative half-width of an interval: 0 when it has none, Infinity for a zero estimate with spread. */
function relativeHalfWidth(values: readonly number[]): number {
  const { value, ci95 } = estimate(values);
  const half = (ci95[1] - ci95[0]) / 2;
  if (half === 0) return 0;
  return value === 0 ? Number.POSITIVE_INFINITY : half / Math.abs(value);
}

/** Whether the scenario asks for replications (a count or a precision target). */
export function isReplicated(scenario: Scenario): boolean {
  return scenario.run.replications !== undefined || scenario.run.precision !== undefined;
}

/** Which replications to run and when to stop: fed results in any order, decides on prefixes. */
export class ReplicationPlan {
  readonly scenario: Scenario;
  /** The most replications that may run. */
  readonly max: number;
  private readonly results: (Result | undefined)[] = [];
  /** Replications 0…prefix−1 have all finished. */
  private prefix = 0;
  private stopAt = -1;
  private stoppedBy: ReplicationSummary["stoppedBy"] = "count";

  constructor(scenario: Scenario) {
    this.scenario = scenario;
    const { replications, precision } = scenario.run;
    this.max = precision?.maxReplications ?? replications ?? 1;
  }

  /** The scenario of replication `index`: its seed, and no replications of its own. */
  scenarioFor(index: number): Scenario {
    const { replications: _count, precision: _target, ...run } = this.scenario.run;
    return { ...this.scenario, seed: replicationSeed(this.scenario.seed, index), run };
  }

  get done(): boolean {
    return this.stopAt >= 0;
  }

  /** Replications known to be needed so far (all finished ones, plus whatever a decision still waits for). */
  get finished(): number {
    return this.prefix;
  }

  /** Whether replication `index` may still matter (it does not once the plan stopped before it). */
  wanted(index: number): boolean {
    return index < this.max && (this.stopAt < 0 || index < this.stopAt);
  }

  record(index: number, result: Result): void {
    this.results[index] = result;
    while (this.stopAt < 0 && this.results[this.prefix] !== undefined) {
      this.prefix++;
      this.decide();
    }
  }

  private decide(): void {
    const k = this.prefix;
    const precision = this.scenario.run.precision;
    if (precision !== undefined && k >= precision.minReplications) {
      if (relativeHalfWidth(this.values(precision.metric, k)) <= precision.relative) {
        this.stop(k, "precision");
        return;
      }
    }
    if (k >= this.max) this.stop(k, precision === undefined ? "count" : "max-replications");
  }

  private stop(k: number, by: ReplicationSummary["stoppedBy"]): void {
    this.stopAt = k;
    this.stoppedBy = by;
  }

  private values(metric: string, k: number): number[] {
    return this.results.slice(0, k).map((result) => keyFigures(result!).get(metric) ?? 0);
  }

  /** The results of the replications the plan kept, in order (once it has stopped). */
  runs(): Result[] {
    if (this.stopAt < 0) throw new Error("the replication plan has not stopped yet");
    return this.results.slice(0, this.stopAt) as Result[];
  }

  /** The result: replication 0's figures at the top level, the replication summary beside them. */
  summary(): Result {
    const runs = this.runs();
    const first = runs[0]!;
    const figure = (name: string) => estimate(runs.map((result) => keyFigures(result).get(name) ?? 0));
    const components: ReplicationSummary["components"] = {};
    for (const name of Object.keys(first.components)) {
      const key = `components.${name}.utilization`;
      if (keyFigures(first).has(key)) components[name] = { utilization: figure(key) };
    }
    const precision = this.scenario.run.precision;
    const summary: ReplicationSummary = {
      count: runs.length,
      seeds: runs.map((result) => result.seed),
      stoppedBy: this.stoppedBy,
      ...(precision === undefined
        ? {}
        : {
            precision: {
              metric: precision.metric,
              relative: precision.relative,
              achieved: round(relativeHalfWidth(this.values(precision.metric, runs.length))),
              met: this.stoppedBy === "precision",
            },
          }),
      events: runs.reduce((sum, result) => sum + result.simulated.events, 0),
      latency: {
        mean: figure("latency.mean"),
        p50: figure("latency.p50"),
        p90: figure("latency.p90"),
        p99: figure("latency.p99"),
      },
      wait: { mean: figure("wait.mean"), p99: figure("wait.p99") },
      throughput: figure("throughput"),
      inSystem: { mean: figure("inSystem.mean") },
      components,
    };
    return { ...first, replications: summary };
  }
}

/** What all replications together may still use, from the run's limits and what has been used. */
export class ReplicationBudget {
  private readonly limits: Required<RunLimits>;
  private readonly started = globalThis.performance.now();
  private events = 0;

  constructor(scenario: Scenario, options: RunOptions) {
    this.limits = effectiveLimits(scenario.run.limits, options.limits);
  }

  /** Limits for the next replication: its own, capped by what the replications have left. */
  next(planned: number, done: number): RunLimits {
    const events = this.limits.maxEvents - this.events;
    const wall = this.limits.maxWallTime - this.elapsed();
    if (events <= 0) this.exhausted("events", this.limits.maxEvents, done, planned);
    if (wall <= 0) this.exhausted("wall time", `${this.limits.maxWallTime} s`, done, planned);
    return { ...this.limits, maxEvents: events, maxWallTime: wall };
  }

  /** Counts a finished replication's events; throws once the replications together exceed the cap. */
  spend(result: Result, planned: number, done: number): void {
    this.events += result.simulated.events;
    if (this.events > this.limits.maxEvents) this.exhausted("events", this.limits.maxEvents, done, planned);
  }

  /** A replication that hit a limit only because of what the others used is reported as the total's. */
  explain(error: unknown, planned: number, done: number): unknown {
    if (!(error instanceof SyslabError)) return error;
    if (error.code === "limit.events" && this.events > 0)
      return this.error("events", this.limits.maxEvents, done, planned);
    if (error.code === "limit.wall-time" && done > 0)
      return this.error("wall time", `${this.limits.maxWallTime} s`, done, planned);
    return error;
  }

  private elapsed(): number {
    return (globalThis.performance.now() - this.started) / 1000;
  }

  private exhausted(what: string, limit: number | string, done: number, planned: number): never {
    throw this.error(what, limit, done, planned);
  }

  private error(what: string, limit: number | string, done: number, planned: number): SyslabError {
    return catalogueError("limit.replications", { what, limit: String(limit), done, planned });
  }
}

/** Runs the replications one after another on this thread (the CLI and the API spread them over threads). */
export function runReplications(scenario: Scenario, options: RunOptions = {}): Result {
  return replicate(scenario, options).summary();
}

/** The sequential replications' plan, stopped, for callers that read each replication (comparisons). */
export function replicate(scenario: Scenario, options: RunOptions = {}): ReplicationPlan {
  const plan = new ReplicationPlan(scenario);
  const budget = new ReplicationBudget(scenario, options);
  for (let index = 0; !plan.done; index++) {
    const limits = budget.next(plan.max, index);
    let result: Result;
    try {
      result = runScenario(plan.scenarioFor(index), {
        ...options,
        limits,
        onProgress:
          options.onProgress === undefined
            ? undefined
            : (progress) =>
                options.onProgress!({ ...progress, fraction: (index + progress.fraction) / plan.max }),
      });
    } catch (error) {
      throw budget.explain(error, plan.max, index);
    }
    budget.spend(result, plan.max, index + 1);
    plan.record(index, result);
  }
  return plan;
}

/** Runs one replication's scenario within `limits`, on whatever thread the caller chooses. */
export type ReplicationRunner = (scenario: Scenario, limits: RunLimits) => Promise<Result>;

/**
 * Runs the replications `parallelism` at a time through `run` (worker threads, say). The result
 * is the one `runReplications` gives: the plan decides on prefixes, and a replication started
 * past the point where the plan stopped is ignored.
 */
export async function runReplicationsWith(
  scenario: Scenario,
  run: ReplicationRunner,
  parallelism: number,
  options: RunOptions = {},
): Promise<Result> {
  return (await replicateWith(scenario, run, parallelism, options)).summary();
}

/** `replicate` through `run`, `parallelism` at a time. */
export async function replicateWith(
  scenario: Scenario,
  run: ReplicationRunner,
  parallelism: number,
  options: RunOptions = {},
): Promise<ReplicationPlan> {
  const plan = new ReplicationPlan(scenario);
  const budget = new ReplicationBudget(scenario, options);
  let next = 0;
  let failure: { error: unknown; index: number } | undefined;
  const lane = async (): Promise<void> => {
    // After a failure only replications before it still run: the plan may stop before reaching it.
    while (plan.wanted(next) && (failure === undefined || next < failure.index)) {
      const index = next++;
      try {
        const result = await run(plan.scenarioFor(index), budget.next(plan.max, plan.finished));
        if (!plan.wanted(index)) continue;
        budget.spend(result, plan.max, plan.finished + 1);
        plan.record(index, result);
      } catch (error) {
        // Only a replication the result needs can fail the run; the lowest-numbered one is reported.
        if (plan.wanted(index) && (failure === undefined || index < failure.index))
          failure = { error: budget.explain(error, plan.max, plan.finished), index };
      }
    }
  };
  const lanes = Math.max(1, Math.min(parallelism, plan.max));
  await Promise.all(Array.from({ length: lanes }, lane));
  if (!plan.done) throw failure!.error;
  return plan;
}

/** Runs a scenario: once, or replicated when its run asks for replications. */
export function runScenarioOrReplications(scenario: Scenario, options: RunOptions = {}): Result {
  return isReplicated(scenario) ? runReplications(scenario, options) : runScenario(scenario, options);
}
