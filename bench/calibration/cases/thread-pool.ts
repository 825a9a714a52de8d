/**
 * A thread pool on 2 cores, swept over thread counts. Each request computes 10 ms (of its
 * thread's own CPU time) and then blocks 90 ms holding its thread, so a thread completes at most
 * 10 requests per second and the two cores at most 200: throughput rises with threads up to the
 * knee at cores × (1 + wait / compute) = 20 threads, then stays at the ceiling. Driven closed-loop
 * by wrk with twice as many connections as threads, so no thread ever waits for work.
 *
 * The twin: a thread-pool server (2 cores) with the same threads, a `cpu` step then `io` 90 ms,
 * and as many closed-loop users as wrk has connections, thinking 0. The `cpu` step is the CPU the
 * real server spent per request (its 10 ms of computing, and the kernel's and the epoll thread's
 * share), from its CPU time over the requests it answered.
 *
 * On a machine shared with other work the real server may get less than its two cores, which the
 * twin cannot know: each point records the cores the server had and how busy the machine was.
 */
import type { Scenario } from "@syslab/sim-core";
import { cServer } from "../build-servers";
import { type CaseResult, type Comparison, compare, type TrialSummary } from "../case-result";
import type { MeasureOptions } from "../cases";
import { coresUsed, cpuSnapshot } from "../cpu-usage";
import { start, stop, waitForOutput } from "../processes";
import { runTrial } from "../run-trial";
import type { TrialContext } from "../trial-context";
import { simulateTwin } from "../twin";
import { twinFigure } from "../twin-figures";
import { runWrk, type WrkFigures } from "../wrk";

const CPU_MS = 10;
const SLEEP_MS = 90;
const THREADS = [1, 2, 5, 10, 20, 40, 100];
const SECONDS = 5;
/** Autogroup nice value of each trial: see trial.ts. */
const PRIORITY = -10;

const connectionsFor = (threads: number) => Math.max(2 * threads, 4);

interface PoolParams {
  binary: string;
  threads: number;
}

type PoolResult = WrkFigures & { cores: { processes: number; machine: number } };

async function pool(params: PoolParams, context: TrialContext): Promise<PoolResult> {
  const port = context.privateNetwork ? 7100 : 0;
  const server = start(
    params.binary,
    [String(port), String(params.threads), String(CPU_MS * 1000), String(SLEEP_MS * 1000)],
    { ownGroup: false },
  );
  try {
    const listening = await waitForOutput(server, /listening (\d+)/, 10);
    const before = cpuSnapshot([server.child.pid!]);
    const figures = await runWrk(
      `http://127.0.0.1:${listening[1]}/`,
      connectionsFor(params.threads),
      SECONDS,
    );
    return { ...figures, cores: coresUsed(before, cpuSnapshot([server.child.pid!])) };
  } finally {
    await stop(server);
  }
}

/** @public Loaded by trial.ts, which imports this module by its path. */
export const trials = { pool };

function twinScenario(threads: number, cpuPerRequest: number): Scenario {
  const users = connectionsFor(threads);
  return {
    version: 1,
    name: `Thread pool on 2 cores: ${threads} threads, ${CPU_MS} ms CPU + ${SLEEP_MS} ms blocked`,
    seed: 3,
    run: { duration: "30s", warmup: "3s" },
    workload: {
      clients: { users, think: 0 },
      requests: [
        {
          name: "page",
          steps: [{ cpu: `${Math.round(cpuPerRequest * 1e7) / 1e4}ms` }, { io: `${SLEEP_MS}ms` }],
        },
      ],
    },
    entry: "web",
    components: {
      web: { type: "server", cores: 2, architecture: { kind: "thread-pool", threads, queue: users } },
    },
  } as unknown as Scenario;
}

export async function measure(options: MeasureOptions): Promise<CaseResult> {
  const began = Date.now();
  const binary = await cServer("thread-pool");
  const repeats = Math.max(1, Math.min(options.repeats, 2));
  const byThreads = new Map<number, PoolResult[]>();
  const trialSummaries: TrialSummary[] = [];
  for (let r = 0; r < repeats; r++) {
    for (const threads of THREADS) {
      const result = await runTrial<PoolResult>(
        import.meta.filename,
        "pool",
        { binary, threads, priority: PRIORITY },
        SECONDS + 40,
      );
      byThreads.set(threads, [...(byThreads.get(threads) ?? []), result]);
      trialSummaries.push({
        label: `${threads} threads #${r + 1}`,
        load: result.load,
        figures: {
          throughput: result.throughput,
          p50: result.p50,
          p99: result.p99,
          errors: result.errors,
          serverCores: result.cores.processes,
          machineBusyCores: result.cores.machine,
        },
      });
    }
  }

  // CPU seconds the server used per request answered, over every trial.
  const all = [...byThreads.values()].flat();
  const cpuPerRequest =
    all.reduce((sum, r) => sum + r.cores.processes * r.seconds, 0) /
    all.reduce((sum, r) => sum + r.requests, 0);
  const twins: Record<string, Scenario> = {};
  const comparisons: Comparison[] = [];
  const measured: [number, number][] = [];
  const simulated: [number, number][] = [];
  for (const threads of THREADS) {
    const runs = byThreads.get(threads)!;
    // Other work on a shared machine only ever slows a trial down: the best repeat is the least disturbed.
    const real = Math.max(...runs.map((r) => r.throughput));
    const key = `threads-${threads}`;
    twins[key] = twinScenario(threads, cpuPerRequest);
    const sim = twinFigure(simulateTwin(twins[key]!), "throughput");
    comparisons.push(
      compare(
        {
          label: `${threads} threads: throughput`,
          twin: key,
          figure: "throughput",
          unit: "per-second",
          realTrials: runs.map((r) => r.throughput),
          bound: { factor: 1.1 },
        },
        real,
        sim,
      ),
    );
    measured.push([threads, real]);
    simulated.push([threads, sim]);
  }
  return {
    name: "thread-pool",
    title: "Thread pool: throughput against threads",
    setup: `A C thread pool (epoll acceptor, N workers; each request ${CPU_MS} ms of CPU, then ${SLEEP_MS} ms blocked holding its thread) on 2 cores; wrk, ${SECONDS} s per point, 2 × N keep-alive connections; best of ${repeats}. The server spent ${(cpuPerRequest * 1000).toFixed(2)} ms of CPU per request, the twin's cpu step.`,
    twins,
    comparisons,
    charts: [
      {
        id: "thread-pool-throughput",
        title: `Thread pool, 2 cores: ${CPU_MS} ms CPU + ${SLEEP_MS} ms blocked per request`,
        xLabel: "threads",
        yLabel: "requests per second",
        xFormat: "number",
        yFormat: "number",
        series: [
          { name: "measured", points: measured },
          { name: "syslab", points: simulated },
        ],
      },
    ],
    trials: trialSummaries,
    seconds: (Date.now() - began) / 1000,
  };
}
