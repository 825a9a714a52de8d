/**
 * Runs a normalized scenario to its end and returns the result. Deterministic: the same
 * scenario gives the same result, byte for byte (no wall-clock value enters it).
 */
import type { Component, ComponentContext } from "../component/component";
import type { AnyComponentKind } from "../component/component-kind";
import { componentKinds } from "../component-kinds";
import { catalogueError } from "../errors/catalogue";
import { Simulation } from "../kernel/simulation";
import { RequestStreams } from "../random/request-random";
import { randomStream } from "../random/streams";
import type { ComponentStats, Result } from "../result/model";
import { scenarioHash } from "../scenario/canonical";
import type { RetryPolicy, RunLimits, Scenario } from "../scenario/model";
import { ENGINE_VERSION } from "../version";
import { ClosedClients } from "../workload/closed-clients";
import { compileSteps, entryCall } from "../workload/compiled-step";
import { keySampler } from "../workload/keys/key-sampler";
import { OpenArrivals } from "../workload/open-arrivals";
import { TraceArrivals } from "../workload/trace-arrivals";
import { effectiveLimits } from "./limits";
import { Measurements, SERIES_BUCKETS } from "./measurements";
import { RequestLifecycle, type RunnableClass } from "./request-lifecycle";
import { RetryingClient } from "./retrying-client";
import { round } from "./round";
import type { RunOptions } from "./run-options";
import { TraceRecorder } from "./trace-recorder";

/** Events between checks of the wall clock, limits and the abort signal: performance.now() is too slow to call per event. */
const CHECK_EVERY = 16_384;
const DEFAULT_PROGRESS_EVERY = 100_000;
/** The retry policy of a class that hedges or breaks circuits but does not retry. */
const SEND_ONCE: RetryPolicy = { attempts: 1, on: [], backoff: { base: 0.1, cap: 20, jitter: "full" } };

/** Runs the scenario; its components must be of `kinds` (all of syslab's by default). */
export function runScenario(
  scenario: Scenario,
  options: RunOptions = {},
  kinds: readonly AnyComponentKind[] = componentKinds,
): Result {
  const limits = effectiveLimits(scenario.run.limits, options.limits);
  const sim = new Simulation();
  const workload = scenario.workload;
  const measuredGuess = expectedMeasuredTime(scenario);
  const stats = new Measurements(workload.requests.length, measuredGuess, sim);
  const series = { buckets: SERIES_BUCKETS, width: measuredGuess / SERIES_BUCKETS };

  // The lifecycle is the components' flow; it learns the components once they are built.
  const lifecycle = new RequestLifecycle(
    sim,
    new RequestStreams(scenario.seed),
    workload.requests.map((cls) => cls.weight ?? 1),
    stats,
    scenario.run.warmup,
    scenario.run.length,
  );
  const byType = new Map(kinds.map((kind) => [kind.type, kind]));
  const components = new Map<string, Component>();
  for (const [name, spec] of Object.entries(scenario.components)) {
    const kind = byType.get(spec.type);
    if (kind === undefined) {
      throw catalogueError("scenario.component-type", {
        got: JSON.stringify(spec.type),
        types: [...byType.keys()],
      });
    }
    const context: ComponentContext = {
      sim,
      rng: randomStream(scenario.seed, `component:${name}`),
      stream: (purpose) => randomStream(scenario.seed, `component:${name}:${purpose}`),
      flow: lifecycle,
      components,
      series,
    };
    components.set(name, kind.create(name, spec, context));
  }
  const entry = components.get(scenario.entry);
  if (entry === undefined) {
    throw catalogueError("scenario.unknown-component", {
      name: scenario.entry,
      components: [...components.keys()],
    });
  }
  const classes = workload.requests.map((cls): RunnableClass => {
    const call = entryCall(entry, compileSteps(cls.steps, components));
    const timeout = cls.timeout ?? Number.POSITIVE_INFINITY;
    const resilient = cls.retry !== undefined || cls.hedge !== undefined || cls.circuitBreaker !== undefined;
    const retry = resilient
      ? new RetryingClient(
          sim,
          randomStream(scenario.seed, `retry:${cls.name}`),
          stats,
          call,
          cls.retry ?? SEND_ONCE,
          timeout,
          cls.hedge ?? null,
          cls.circuitBreaker ?? null,
        )
      : null;
    retry?.attach(lifecycle);
    const keys = cls.key === undefined ? null : keySampler(cls.key, sim);
    return { entryCall: call, priority: cls.priority ?? 0, timeout, retry, keys, write: cls.write === true };
  });
  lifecycle.configure(classes, [...components.values()]);
  const types = new Map(Object.entries(scenario.components).map(([name, spec]) => [name, spec.type]));
  const traceSpec = options.trace ?? scenario.run.trace;
  const tracer =
    traceSpec === undefined
      ? null
      : new TraceRecorder(
          traceSpec,
          randomStream(scenario.seed, "trace"),
          workload.requests.map((cls) => cls.name),
          types,
        );
  lifecycle.tracer = tracer;
  if (workload.population !== undefined) lifecycle.setPopulation(workload.population);

  const arrivalRng = randomStream(scenario.seed, "arrivals");
  if (workload.arrival?.process === "trace") {
    const names = workload.requests.map((cls) => cls.name);
    new TraceArrivals(sim, lifecycle, workload.arrival.arrivals, names).start();
  } else if (workload.arrival !== undefined) {
    new OpenArrivals(sim, arrivalRng, lifecycle, workload.arrival).start();
  } else if (workload.clients !== undefined) {
    const clients = new ClosedClients(sim, arrivalRng, lifecycle, workload.clients);
    lifecycle.onUserFree = (user) => clients.thinkThenSend(user);
    clients.start();
  }
  lifecycle.begin();

  loop(sim, lifecycle, limits, options);

  const end = lifecycle.endTime;
  const result = buildResult(scenario, sim.events, end, stats, components, types);
  return tracer === null ? result : { ...result, trace: tracer.result() };
}

function loop(
  sim: Simulation,
  lifecycle: RequestLifecycle,
  limits: Required<RunLimits>,
  options: RunOptions,
): void {
  const clock = globalThis.performance;
  const started = clock.now();
  const progressEvery = options.progressEvery ?? DEFAULT_PROGRESS_EVERY;
  let nextProgress = progressEvery;
  let nextCheck = Math.min(CHECK_EVERY, limits.maxEvents);
  let nextStop = Math.min(nextCheck, nextProgress); // one comparison per event in the common case
  while (!lifecycle.stopped) {
    if (!sim.step()) {
      lifecycle.finishIdle();
      break;
    }
    if (sim.events < nextStop) continue;
    if (sim.events >= nextProgress) {
      nextProgress += progressEvery;
      options.onProgress?.({ simulatedTime: sim.now, events: sim.events, fraction: lifecycle.fraction });
    }
    if (sim.events >= nextCheck) {
      nextCheck = Math.min(nextCheck + CHECK_EVERY, limits.maxEvents);
      if (lifecycle.stopped) break;
      if (sim.events >= limits.maxEvents)
        throw catalogueError("limit.events", { limit: limits.maxEvents, time: round(sim.now) });
      if (sim.now > limits.maxSimTime) throw catalogueError("limit.sim-time", { limit: limits.maxSimTime });
      if ((clock.now() - started) / 1000 > limits.maxWallTime) {
        throw catalogueError("limit.wall-time", { limit: limits.maxWallTime, time: round(sim.now) });
      }
      if (lifecycle.inFlight > limits.maxInFlight) {
        throw catalogueError("limit.in-flight", { limit: limits.maxInFlight, time: round(sim.now) });
      }
      if (options.signal?.aborted) throw catalogueError("run.aborted", { time: round(sim.now) });
    }
    nextStop = Math.min(nextCheck, nextProgress);
  }
  if (sim.now > limits.maxSimTime && !lifecycle.stopped)
    throw catalogueError("limit.sim-time", { limit: limits.maxSimTime });
}

/** A guess of the measured part's length, to size the chart buckets (they widen if it is short). */
function expectedMeasuredTime(scenario: Scenario): number {
  const length = scenario.run.length;
  if (length.kind === "time") return length.duration;
  const arrival = scenario.workload.arrival;
  if (arrival?.process === "trace") {
    const last = arrival.arrivals[arrival.arrivals.length - 1]?.at ?? 0;
    return last > 0 ? last : 1;
  }
  const rate =
    arrival === undefined
      ? 0
      : typeof arrival.rate === "number"
        ? arrival.rate
        : (arrival.rate[0]?.rate ?? 0);
  return rate > 0 ? length.count / rate : 1;
}

function meanOf(sum: number, count: number): number {
  return count > 0 ? sum / count : 0;
}

function buildResult(
  scenario: Scenario,
  events: number,
  end: number,
  stats: Measurements,
  components: Map<string, Component>,
  types: Map<string, string>,
): Result {
  const measuredTime = end - stats.startTime;
  const latencyMean = stats.latencyMoments.mean;
  const halfWidth = stats.batches.halfWidth95();
  const byClass: Result["requests"]["byClass"] = {};
  scenario.workload.requests.forEach((cls, i) => {
    // A class sent once has one attempt per request; a resilient client counts its own.
    const resilient = cls.retry !== undefined || cls.hedge !== undefined || cls.circuitBreaker !== undefined;
    const attempts = resilient ? stats.classAttempts[i]! : stats.classArrived[i]!;
    byClass[cls.name] = {
      arrived: stats.classArrived[i]!,
      completed: stats.classCompleted[i]!,
      attempts,
      amplification: round(meanOf(attempts, stats.classArrived[i]!)),
      hedges: stats.classHedges[i]!,
      hedgesWon: stats.classHedgesWon[i]!,
      wasted: stats.classWasted[i]!,
      shortCircuited: stats.classShortCircuited[i]!,
      latencyMean: round(meanOf(stats.classLatencySum[i]!, stats.classCompleted[i]!)),
      waitMean: round(meanOf(stats.classWaitSum[i]!, stats.classCompleted[i]!)),
    };
  });
  const componentStats: Record<string, ComponentStats> = {};
  for (const name of [...components.keys()].sort()) {
    // Each kind rounds its own figures; the type tells readers which figures it has.
    componentStats[name] = { type: types.get(name)!, ...components.get(name)!.stats(end) } as ComponentStats;
  }
  const series = stats.series.finish(end);
  const result: Result = {
    engine: { name: "syslab", version: ENGINE_VERSION },
    scenarioHash: scenarioHash(scenario),
    ...(scenario.name === undefined ? {} : { name: scenario.name }),
    seed: scenario.seed,
    simulated: { time: round(end), events },
    requests: {
      arrived: stats.arrived,
      completed: stats.completed,
      failed: {
        rejected: stats.rejected,
        reset: stats.reset,
        timeout: stats.timeout,
        limited: stats.limited,
      },
      byClass,
    },
    throughput: round(measuredTime > 0 ? stats.completed / measuredTime : 0),
    latency: {
      mean: round(latencyMean),
      p50: round(stats.latency.quantile(0.5)),
      p90: round(stats.latency.quantile(0.9)),
      p99: round(stats.latency.quantile(0.99)),
      p999: round(stats.latency.quantile(0.999)),
      max: round(stats.latency.max),
      sd: round(Math.sqrt(stats.latencyMoments.variance)),
      meanCi95: {
        low: round(latencyMean - halfWidth),
        high: round(latencyMean + halfWidth),
        method: "batch-means",
        batches: stats.batches.batches,
      },
    },
    wait: {
      mean: round(meanOf(stats.waitSum, stats.completed)),
      p50: round(stats.wait.quantile(0.5)),
      p99: round(stats.wait.quantile(0.99)),
      probability: round(stats.completed > 0 ? stats.waitedCount / stats.completed : 0),
    },
    inSystem: { mean: round(stats.series.meanLevel(end)), max: stats.presentMax },
    components: componentStats,
    series: {
      time: series.time.map(round),
      bucketWidth: round(series.bucketWidth),
      throughput: series.throughput.map(round),
      latencyMean: series.latencyMean.map(round),
      inSystem: series.inSystem.map(round),
    },
  };
  // Only where clients may send more than one attempt per request: other results keep their shape.
  const resilient = scenario.workload.requests.some(
    (cls) => cls.retry !== undefined || cls.hedge !== undefined || cls.circuitBreaker !== undefined,
  );
  if (resilient) {
    result.series.attempts = series.attempts.map(round);
    result.series.failed = series.failed.map(round);
  }
  return result;
}
