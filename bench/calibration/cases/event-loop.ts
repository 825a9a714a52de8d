/**
 * An event loop (Node) with a CPU-heavy handler. Light requests (1 ms CPU, a 10 ms timer, 1 ms
 * CPU) alone take about 12 ms; when one request in 20 is a 300 ms computation, every light
 * request that arrives meanwhile waits behind it, although the loop's core is busy well under
 * half the time. Open-loop Poisson arrivals (20/s), each request on a new connection.
 *
 * The twin: an event-loop server with one worker on 2 cores, the same two request classes.
 */
import { join } from "node:path";
import type { Scenario } from "@syslab/sim-core";
import { SERVERS } from "../build-servers";
import { type CaseResult, type ChartData, type Comparison, compare, type TrialSummary } from "../case-result";
import type { MeasureOptions } from "../cases";
import {
  type Outcome,
  type Planned,
  poissonTimes,
  runOpenLoop,
  seededRandom,
  tcpExchange,
} from "../open-loop-client";
import { latencyFigures } from "../percentiles";
import { start, stop, waitForOutput } from "../processes";
import { runTrial } from "../run-trial";
import type { TrialContext } from "../trial-context";
import { simulateTwin } from "../twin";
import { twinFigure } from "../twin-figures";

const RATE = 20;
const SECONDS = 20;
const HEAVY_EVERY = 20;
const PRIORITY = -10;

interface LoopParams {
  heavy: boolean;
  seed: number;
}

interface LoopResult {
  outcomes: [string, number | null, string | null][];
  maxSendLag: number;
}

const request = (path: string) => `GET ${path} HTTP/1.1\r\nHost: calibration\r\nConnection: close\r\n\r\n`;

async function loop(params: LoopParams, context: TrialContext): Promise<LoopResult> {
  const port = context.privateNetwork ? 7200 : 0;
  const server = start(process.execPath, [join(SERVERS, "event-loop.mjs"), String(port)], {
    ownGroup: false,
  });
  try {
    const listening = await waitForOutput(server, /listening (\d+)/, 10);
    const random = seededRandom(params.seed);
    const plan: Planned[] = poissonTimes(random, RATE, 0, SECONDS).map((at) => {
      const heavy = params.heavy && random() < 1 / HEAVY_EVERY;
      return { at, cls: heavy ? "heavy" : "light", payload: request(heavy ? "/heavy" : "/light") };
    });
    const run = await runOpenLoop({
      plan,
      timeout: 30,
      exchange: tcpExchange("127.0.0.1", Number(listening[1])),
    });
    const bad = run.outcomes.filter((o) => o.latency !== null && !o.head.startsWith("HTTP/1.1 200"));
    if (bad.length > 0) throw new Error(`unexpected answers: ${bad[0]!.head}`);
    return { outcomes: run.outcomes.map((o) => [o.cls, o.latency, o.failure]), maxSendLag: run.maxSendLag };
  } finally {
    await stop(server);
  }
}

/** @public Loaded by trial.ts, which imports this module by its path. */
export const trials = { loop };

function twinScenario(heavy: boolean): Scenario {
  return {
    version: 1,
    name: `Event loop on 2 cores: light requests${heavy ? ", one in 20 a 300 ms computation" : " only"}`,
    seed: 8,
    run: { duration: "600s", warmup: "5s" },
    workload: {
      arrival: { process: "poisson", rate: RATE },
      requests: [
        {
          name: "light",
          weight: heavy ? HEAVY_EVERY - 1 : 1,
          steps: [{ cpu: "1ms" }, { io: "10ms" }, { cpu: "1ms" }],
        },
        ...(heavy ? [{ name: "heavy", weight: 1, steps: [{ cpu: "300ms" }] }] : []),
      ],
    },
    entry: "web",
    components: { web: { type: "server", cores: 2, architecture: { kind: "event-loop", workers: 1 } } },
  } as unknown as Scenario;
}

export async function measure(options: MeasureOptions): Promise<CaseResult> {
  const began = Date.now();
  const repeats = Math.max(1, Math.min(options.repeats, 2));
  const twins: Record<string, Scenario> = {};
  const comparisons: Comparison[] = [];
  const trialSummaries: TrialSummary[] = [];
  const series: ChartData["series"] = [];
  for (const heavy of [false, true]) {
    const runs: Outcome[][] = [];
    for (let r = 0; r < repeats; r++) {
      const t = await runTrial<LoopResult>(
        import.meta.filename,
        "loop",
        { heavy, seed: 200 + r, priority: PRIORITY },
        SECONDS + 60,
      );
      const outcomes = t.outcomes.map(([cls, latency, failure]) => ({
        at: 0,
        cls,
        latency,
        failure: failure as Outcome["failure"],
        head: "",
      }));
      runs.push(outcomes);
      const light = latencyFigures(outcomes.filter((o) => o.cls === "light"));
      trialSummaries.push({
        label: `${heavy ? "with heavy" : "light only"} #${r + 1}`,
        load: t.load,
        figures: {
          lightMean: light.mean,
          lightP50: light.p50,
          lightP99: light.p99,
          maxSendLag: t.maxSendLag,
        },
      });
    }
    const key = heavy ? "with-heavy" : "light-only";
    twins[key] = twinScenario(heavy);
    const sim = simulateTwin(twins[key]!);
    const all = latencyFigures(runs.flat());
    const light = latencyFigures(runs.flat().filter((o) => o.cls === "light"));
    const what = heavy ? "one in 20 heavy" : "light only";
    comparisons.push(
      compare(
        {
          label: `${what}: light requests' mean latency`,
          twin: key,
          figure: "class.light.latencyMean",
          unit: "s",
        },
        light.mean,
        twinFigure(sim, "class.light.latencyMean"),
      ),
    );
    for (const q of ["p50", "p90", "p99"] as const) {
      comparisons.push(
        compare(
          { label: `${what}: ${q} latency (all requests)`, twin: key, figure: `latency.${q}`, unit: "s" },
          all[q],
          twinFigure(sim, `latency.${q}`),
        ),
      );
    }
    const percentiles = [50, 90, 99] as const;
    series.push(
      { name: `${what}, measured`, points: percentiles.map((p) => [p, all[`p${p}`]]) },
      { name: `${what}, syslab`, points: percentiles.map((p) => [p, twinFigure(sim, `latency.p${p}`)]) },
    );
  }
  return {
    name: "event-loop",
    title: "Event loop with a CPU-heavy handler",
    setup: `A Node HTTP server (one event loop) on 2 cores; light requests 1 ms CPU + 10 ms timer + 1 ms CPU, and in the second run one in ${HEAVY_EVERY} a 300 ms computation; open-loop Poisson ${RATE}/s for ${SECONDS} s, a new connection each, ${repeats} runs pooled.`,
    twins,
    comparisons,
    charts: [
      {
        id: "event-loop-percentiles",
        title: "Latency percentiles of an event loop, without and with a 300 ms handler",
        xLabel: "percentile",
        yLabel: "latency",
        xFormat: "number",
        yFormat: "duration",
        series,
      },
    ],
    trials: trialSummaries,
    seconds: (Date.now() - began) / 1000,
  };
}
