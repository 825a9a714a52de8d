/**
 * Accept-queue overflow. A single-threaded blocking server (accept → read one byte → sleep 10 ms
 * → answer) with a small listen backlog gets a 2-second Poisson burst of new connections, far
 * more than it can take; every client waits up to 65 s. Measured in both overflow modes: the
 * Linux default (tcp_abort_on_overflow = 0, the handshake is dropped and retransmissions decide
 * who gets in when) and tcp_abort_on_overflow = 1 (RST). Each trial runs in its own network
 * namespace, so it sets that sysctl for itself alone.
 *
 * On loopback the client and the server are one kernel, and they share its per-destination TCP
 * metrics cache (net/ipv4/tcp_metrics.c): a server connection whose handshake ACK was dropped and
 * that was completed later by a retransmission records the time since its SYN-ACK as its RTT
 * (tcp_synack_rtt_meas), stores it when it closes (tcp_update_metrics keeps the larger), and the
 * clients' next connections to 127.0.0.1 start with an RTO of about three times that
 * (tcp_init_metrics) — seconds instead of 200 ms. Clients on other machines never see the
 * server's samples. So the trials set tcp_no_metrics_save = 1 in their namespace, as remote
 * clients would behave, and one more variant keeps the loopback default to show the difference.
 *
 * The twin: a prefork server with one worker, one `io` step, the same backlog and overflow mode,
 * the same burst (repeated every 70 s so that one run pools many bursts). The step lasts what the
 * real server took per request while it was busy — the 10 ms sleep, its system calls and, on a
 * shared machine, the wait for a core after each sleep — drawn from the gaps between consecutive
 * answers (20 quantiles, an empirical distribution). The tail is sensitive to it: a server a
 * tenth slower misses a retransmission wave, and whoever is left waits for the next one, twice
 * as far away.
 */
import type { Scenario } from "@syslab/sim-core";
import { cServer } from "../build-servers";
import { type CaseResult, type ChartData, type Comparison, compare, type TrialSummary } from "../case-result";
import { type Outcome, poissonTimes, runOpenLoop, seededRandom, tcpExchange } from "../open-loop-client";
import { latencyFigures, quantile } from "../percentiles";
import { start, stop, waitForOutput } from "../processes";
import { runTrial } from "../run-trial";
import { staggered } from "../staggered";
import { counterDelta, readTcpCounters } from "../tcp-counters";
import type { TrialContext } from "../trial-context";
import { completedCurve, simulateTwin } from "../twin";
import { twinFigure } from "../twin-figures";

const SERVICE_MS = 10;
const BURST = 2;
const TIMEOUT = 65;
/** A burst and everything it causes is over within BURST + TIMEOUT; twins repeat bursts this far apart. */
const CYCLE = 70;
/** Bursts a twin pools: its quantiles sit on steps between retransmission waves, so it takes many. */
const BURSTS = 40;
/**
 * Autogroup nice value of each trial (trial.ts): the server sleeps rather than computes, but on
 * a busy machine its wake-ups after each 10 ms would wait for a core.
 */
const PRIORITY = -10;

interface Variant {
  id: string;
  backlog: number;
  rate: number;
  onOverflow: "drop" | "reset";
  /** Keep the loopback default: clients inherit the server's RTT samples from the shared metrics cache. */
  sharedMetrics?: boolean;
}

const VARIANTS: Variant[] = [
  { id: "drop-64", backlog: 64, rate: 500, onOverflow: "drop" },
  { id: "drop-128", backlog: 128, rate: 300, onOverflow: "drop" },
  { id: "reset-64", backlog: 64, rate: 500, onOverflow: "reset" },
  { id: "reset-128", backlog: 128, rate: 300, onOverflow: "reset" },
  { id: "drop-64-shared-metrics", backlog: 64, rate: 500, onOverflow: "drop", sharedMetrics: true },
];

interface BurstParams {
  binary: string;
  backlog: number;
  rate: number;
  seed: number;
  sysctls: Record<string, number>;
}

interface BurstResult {
  outcomes: [number, number | null, string | null][];
  counters: Record<string, number>;
  maxSendLag: number;
}

async function burst(params: BurstParams, context: TrialContext): Promise<BurstResult> {
  const port = context.privateNetwork ? 7000 : 0;
  const server = start(params.binary, [String(port), String(params.backlog), String(SERVICE_MS)], {
    ownGroup: false,
  });
  try {
    const listening = await waitForOutput(server, /listening (\d+)/, 10);
    const random = seededRandom(params.seed);
    const plan = poissonTimes(random, params.rate, 0, BURST).map((at) => ({ at, cls: "hit", payload: "x" }));
    const before = readTcpCounters();
    const run = await runOpenLoop({
      plan,
      timeout: TIMEOUT,
      exchange: tcpExchange("127.0.0.1", Number(listening[1])),
    });
    const counters = counterDelta(before, readTcpCounters());
    return {
      outcomes: run.outcomes.map((o) => [o.at, o.latency, o.failure]),
      counters,
      maxSendLag: run.maxSendLag,
    };
  } finally {
    await stop(server);
  }
}

/** @public Loaded by trial.ts, which imports this module by its path. */
export const trials = { burst };

/**
 * The real server's time per request while busy, ascending: the gaps between consecutive answers,
 * leaving out pauses (the worker waiting in read(), or idle) longer than 50 ms.
 */
function serviceGaps(runs: Outcome[][]): number[] {
  const gaps: number[] = [];
  for (const run of runs) {
    const ends = run
      .filter((o) => o.latency !== null)
      .map((o) => o.at + o.latency!)
      .sort((a, b) => a - b);
    for (let i = 1; i < ends.length; i++)
      if (ends[i]! - ends[i - 1]! < 0.05) gaps.push(ends[i]! - ends[i - 1]!);
  }
  return gaps.sort((a, b) => a - b);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** 20 quantiles of the measured service gaps, as the twin's empirical distribution. */
function serviceDistribution(gaps: number[]): string[] {
  return Array.from({ length: 20 }, (_, i) => `${Math.round(quantile(gaps, (i + 0.5) / 20) * 1e7) / 1e4}ms`);
}

function twinScenario(v: Variant, bursts: number, service: string[]): Scenario {
  return {
    version: 1,
    name: `Accept queue: backlog ${v.backlog}, ${v.rate}/s for ${BURST} s, ${v.onOverflow}`,
    seed: 1,
    run: { duration: `${CYCLE * bursts}s` },
    workload: {
      arrival: { process: "onoff", rate: v.rate, on: `${BURST}s`, off: `${CYCLE - BURST}s` },
      requests: [{ name: "hit", timeout: `${TIMEOUT}s`, steps: [{ io: { empirical: service } }] }],
    },
    entry: "web",
    components: {
      web: {
        type: "server",
        cores: 2,
        architecture: { kind: "prefork", workers: 1 },
        acceptBacklog: v.backlog,
        onOverflow: v.onOverflow,
      },
    },
  } as unknown as Scenario;
}

/** Fraction of the burst's requests completed by each time since the burst began, sampled every `step` s. */
function measuredCurve(outcomes: Outcome[][], step: number, until: number): [number, number][] {
  const ends = outcomes.flatMap((run) => run.filter((o) => o.latency !== null).map((o) => o.at + o.latency!));
  ends.sort((a, b) => a - b);
  const sent = outcomes.reduce((n, run) => n + run.length, 0);
  const points: [number, number][] = [];
  let k = 0;
  for (let t = 0; t <= until + 1e-9; t += step) {
    while (k < ends.length && ends[k]! <= t) k++;
    points.push([Math.round(t * 1000) / 1000, k / sent]);
  }
  return points;
}

export async function measure(options: { repeats: number }): Promise<CaseResult> {
  const began = Date.now();
  const binary = await cServer("blocking-accept");
  const module = import.meta.filename;
  const jobs = VARIANTS.flatMap((v) => Array.from({ length: options.repeats }, (_, r) => ({ v, r })));
  // Trials overlap (each has its own namespace), but start 2 s apart (a burst lasts 2 s), so no two bursts overlap.
  const results = await staggered(jobs, 2, ({ v, r }) =>
    runTrial<BurstResult>(
      module,
      "burst",
      {
        binary,
        backlog: v.backlog,
        rate: v.rate,
        seed: 1000 + r,
        priority: PRIORITY,
        sysctls: {
          "net.ipv4.tcp_abort_on_overflow": v.onOverflow === "reset" ? 1 : 0,
          "net.ipv4.tcp_no_metrics_save": v.sharedMetrics ? 0 : 1,
        },
      },
      BURST + TIMEOUT + 30,
    ),
  );

  const twins: Record<string, Scenario> = {};
  const comparisons: Comparison[] = [];
  const trialSummaries: TrialSummary[] = [];
  const charts: ChartData[] = [];
  for (const v of VARIANTS) {
    const mine = results.filter((_, i) => jobs[i]!.v === v);
    const runs: Outcome[][] = mine.map((t) =>
      t.outcomes.map(([at, latency, failure]) => ({
        at,
        cls: "hit",
        latency,
        failure: failure as Outcome["failure"],
        head: "",
      })),
    );
    const pooled = latencyFigures(runs.flat());
    const perTrial = runs.map(latencyFigures);
    mine.forEach((t, i) => {
      trialSummaries.push({
        label: `${v.id} #${i + 1}`,
        load: t.load,
        figures: {
          completed: perTrial[i]!.completed,
          failureFraction: perTrial[i]!.failureFraction,
          p50: perTrial[i]!.p50,
          p90: perTrial[i]!.p90,
          p99: perTrial[i]!.p99,
          serviceTime: mean(serviceGaps([runs[i]!])),
          maxSendLag: t.maxSendLag,
          abortOnOverflow: t.context.sysctls["net.ipv4.tcp_abort_on_overflow"] ?? "unknown",
          counters: t.counters,
        },
      });
    });

    // The shared-metrics variant has the same twin: syslab models clients on other machines.
    const twinKey = v.id.replace("-shared-metrics", "");
    const service = serviceDistribution(serviceGaps(runs));
    twins[twinKey] ??= twinScenario(v, BURSTS, service);
    const sim = simulateTwin(twins[twinKey]!);
    const label = `backlog ${v.backlog}, ${v.rate}/s, ${v.onOverflow}${v.sharedMetrics ? ", metrics cache shared" : ""}`;
    const held = !v.sharedMetrics;
    for (const q of ["p50", "p90", "p99"] as const) {
      comparisons.push(
        compare(
          {
            label: `${label}: ${q} latency`,
            twin: twinKey,
            figure: `latency.${q}`,
            unit: "s",
            realTrials: perTrial.map((f) => f[q]),
            ...(held ? { bound: { factor: 1.25 } } : {}),
          },
          pooled[q],
          twinFigure(sim, `latency.${q}`),
        ),
      );
    }
    comparisons.push(
      compare(
        {
          label: `${label}: failed fraction`,
          twin: twinKey,
          figure: "failureFraction",
          unit: "fraction",
          realTrials: perTrial.map((f) => f.failureFraction),
          ...(held ? { bound: { factor: 2, absolute: 0.01 } } : {}),
        },
        pooled.failureFraction,
        twinFigure(sim, "failureFraction"),
      ),
    );

    const measured = {
      name: `measured (${runs.length} bursts)`,
      points: measuredCurve(runs, 0.5, TIMEOUT + BURST),
    };
    if (v.sharedMetrics) {
      const chart = charts.find((c) => c.id === `accept-queue-${twinKey}`)!;
      chart.series.push({
        ...measured,
        name: `measured, loopback metrics cache shared (${runs.length} bursts)`,
      });
      continue;
    }
    // The chart: completions over time after the burst, real (all trials pooled) and simulated.
    charts.push({
      id: `accept-queue-${v.id}`,
      title: `Backlog ${v.backlog}, ${v.rate} connections/s for ${BURST} s, ${v.onOverflow === "drop" ? "handshake dropped (default)" : "RST on overflow"}`,
      xLabel: "time since the burst began",
      yLabel: "share of requests completed",
      xFormat: "duration",
      yFormat: "percent",
      series: [measured, { name: "syslab", points: syslabBurstCurve(twins[twinKey]) }],
    });
  }
  return {
    name: "accept-queue",
    title: "Accept-queue overflow",
    setup: `A single-threaded C server (accept, read 1 byte, sleep ${SERVICE_MS} ms, answer) with listen(backlog); a ${BURST}-second Poisson burst of new connections, ${TIMEOUT} s client timeout; tcp_abort_on_overflow 0 (drop) or 1 (reset) and tcp_no_metrics_save 1 (as for clients on other machines; one variant keeps the loopback default), set in the trial's own network namespace. The twin's step lasts the real server's measured time per request while busy.`,
    twins,
    comparisons,
    charts,
    trials: trialSummaries,
    seconds: (Date.now() - began) / 1000,
  };
}

/**
 * The chart's syslab line: the share of one burst's requests completed over time, averaged over 8
 * seeds of the case's twin run for a single cycle.
 */
export function syslabBurstCurve(twin: unknown): [number, number][] {
  const single = { ...(twin as object), run: { duration: `${CYCLE}s` } };
  const curves: [number, number][][] = [];
  for (let seed = 1; seed <= 8; seed++) curves.push(completedCurve(simulateTwin({ ...single, seed })));
  return averageCurves(curves);
}

function averageCurves(curves: [number, number][][]): [number, number][] {
  const first = curves[0] ?? [];
  return first.map(([t], i) => [t, curves.reduce((sum, c) => sum + (c[i]?.[1] ?? 0), 0) / curves.length]);
}
