/**
 * Prefork against threads under CPython's GIL, for CPU-bound work. Each request computes 20 ms
 * of pure Python. Threads of one process take turns holding the GIL, so however many there are
 * they complete about 1 / 20 ms = 50 requests per second; forked processes each have their own
 * interpreter and use both cores, up to 2 / 20 ms = 100 per second. Closed-loop load (wrk, twice
 * as many connections as workers, a new connection per request: the server closes each).
 *
 * The twins: a thread-pool server with `gil: true` (threads), a prefork server with `gil: true`
 * (processes), 2 cores, one `cpu` step, closed-loop users as many as wrk's connections. The step
 * is the CPU the real server spent per request (its 20 ms of Python, the interpreter's socket
 * handling and the kernel's share), from its CPU time over the requests it answered with one
 * process, where the GIL is never contended.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Scenario } from "@syslab/sim-core";
import { SERVERS } from "../build-servers";
import { type CaseResult, type Comparison, compare, type TrialSummary } from "../case-result";
import type { MeasureOptions } from "../cases";
import { coresUsed, cpuSnapshot } from "../cpu-usage";
import { start, stop, waitForOutput } from "../processes";
import { runTrial } from "../run-trial";
import type { TrialContext } from "../trial-context";
import { simulateTwin } from "../twin";
import { twinFigure } from "../twin-figures";
import { runWrk, type WrkFigures } from "../wrk";

const CPU_MS = 20;
const COUNTS = [1, 2, 4];
const SECONDS = 4;
const PRIORITY = -10;
type Mode = "threads" | "prefork";

const connectionsFor = (n: number) => Math.max(2 * n, 4);

interface GilParams {
  mode: Mode;
  n: number;
}

type GilResult = WrkFigures & { cores: { processes: number; machine: number } };

/** The server's processes: the parent and, for prefork, its forked workers. */
function processTree(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
    return [pid, ...(children ? children.split(/\s+/).map(Number) : [])];
  } catch {
    return [pid];
  }
}

async function gil(params: GilParams, context: TrialContext): Promise<GilResult> {
  const port = context.privateNetwork ? 7300 : 0;
  const server = start(
    "python3",
    [join(SERVERS, "gil-server.py"), String(port), params.mode, String(params.n)],
    {
      ownGroup: false,
    },
  );
  try {
    const listening = await waitForOutput(server, /listening (\d+)/, 20);
    const pids = processTree(server.child.pid!);
    const before = cpuSnapshot(pids);
    const figures = await runWrk(`http://127.0.0.1:${listening[1]}/`, connectionsFor(params.n), SECONDS);
    return { ...figures, cores: coresUsed(before, cpuSnapshot(pids)) };
  } finally {
    await stop(server);
  }
}

/** @public Loaded by trial.ts, which imports this module by its path. */
export const trials = { gil };

function twinScenario(mode: Mode, n: number, cpuPerRequest: number): Scenario {
  const users = connectionsFor(n);
  const architecture =
    mode === "threads"
      ? { kind: "thread-pool", threads: n, queue: users, gil: true }
      : { kind: "prefork", workers: n, gil: true };
  return {
    version: 1,
    name: `CPython on 2 cores: ${n} ${mode === "threads" ? "threads in one process" : "prefork processes"}, ${CPU_MS} ms of Python per request`,
    seed: 9,
    run: { duration: "30s", warmup: "2s" },
    workload: {
      clients: { users, think: 0 },
      requests: [{ name: "compute", steps: [{ cpu: `${Math.round(cpuPerRequest * 1e7) / 1e4}ms` }] }],
    },
    entry: "web",
    components: { web: { type: "server", cores: 2, architecture, acceptBacklog: 1024 } },
  } as unknown as Scenario;
}

export async function measure(options: MeasureOptions): Promise<CaseResult> {
  const began = Date.now();
  const repeats = Math.max(1, Math.min(options.repeats, 2));
  const trialSummaries: TrialSummary[] = [];
  const measuredRuns = new Map<string, GilResult[]>();
  for (const mode of ["threads", "prefork"] as const) {
    for (const n of COUNTS) {
      const runs: GilResult[] = [];
      for (let r = 0; r < repeats; r++) {
        const t = await runTrial<GilResult>(
          import.meta.filename,
          "gil",
          { mode, n, priority: PRIORITY },
          SECONDS + 40,
        );
        runs.push(t);
        trialSummaries.push({
          label: `${mode} ${n} #${r + 1}`,
          load: t.load,
          figures: {
            throughput: t.throughput,
            errors: t.errors,
            serverCores: t.cores.processes,
            machineBusyCores: t.cores.machine,
          },
        });
      }
      measuredRuns.set(`${mode}-${n}`, runs);
    }
  }
  // CPU per request of one process alone (threads 1, prefork 1): nothing contends for its GIL.
  const alone = [...measuredRuns.get("threads-1")!, ...measuredRuns.get("prefork-1")!];
  const cpuPerRequest =
    alone.reduce((sum, t) => sum + t.cores.processes * t.seconds, 0) /
    alone.reduce((sum, t) => sum + t.requests, 0);

  const twins: Record<string, Scenario> = {};
  const comparisons: Comparison[] = [];
  const series: CaseResult["charts"][number]["series"] = [];
  for (const mode of ["threads", "prefork"] as const) {
    const measured: [number, number][] = [];
    const simulated: [number, number][] = [];
    for (const n of COUNTS) {
      const key = `${mode}-${n}`;
      const runs = measuredRuns.get(key)!;
      // Other work on a shared machine only ever slows a trial down: the best repeat is the least disturbed.
      const real = Math.max(...runs.map((t) => t.throughput));
      twins[key] = twinScenario(mode, n, cpuPerRequest);
      const sim = twinFigure(simulateTwin(twins[key]!), "throughput");
      comparisons.push(
        compare(
          {
            label: `${n} ${mode === "threads" ? "threads (one GIL)" : "processes"}: throughput`,
            twin: key,
            figure: "throughput",
            unit: "per-second",
            realTrials: runs.map((t) => t.throughput),
            bound: { factor: 1.1 },
          },
          real,
          sim,
        ),
      );
      measured.push([n, real]);
      simulated.push([n, sim]);
    }
    const what = mode === "threads" ? "threads" : "prefork";
    series.push(
      { name: `${what}, measured`, points: measured },
      { name: `${what}, syslab`, points: simulated },
    );
  }
  return {
    name: "gil",
    title: "Prefork against threads under the GIL",
    setup: `A CPython server, ${CPU_MS} ms of pure-Python CPU per request, on 2 cores: n threads in one process, or n forked processes; wrk, ${SECONDS} s per point, 2 × n connections (a new one per request); best of ${repeats}. One process spent ${(cpuPerRequest * 1000).toFixed(2)} ms of CPU per request, the twin's cpu step.`,
    twins,
    comparisons,
    charts: [
      {
        id: "gil-throughput",
        title: `CPU-bound Python on 2 cores: threads share one GIL, processes do not`,
        xLabel: "threads or processes",
        yLabel: "requests per second",
        xFormat: "number",
        yFormat: "number",
        series,
      },
    ],
    trials: trialSummaries,
    seconds: (Date.now() - began) / 1000,
  };
}
