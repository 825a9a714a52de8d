/**
 * Postgres's max_connections against pgbouncer in transaction mode. Clients arrive open-loop
 * (Poisson) and each opens a new connection, runs `SELECT pg_sleep(0.2)` and disconnects, as an
 * application without a pool of its own does. Straight to Postgres, a client that finds all
 * max_connections slots taken is refused ("sorry, too many clients already"): an Erlang loss
 * system. Through pgbouncer (pool_mode = transaction, as many server connections as Postgres
 * allows), the same clients queue for a server connection instead, and none is refused.
 *
 * The trial runs a throwaway cluster of Debian's PostgreSQL and a pgbouncer, each with its own
 * configuration, inside the trial's network namespace.
 *
 * The twins: a station with max_connections servers and capacity max_connections (direct), and
 * a transaction-mode pool of the same size in front of it (pgbouncer). A direct connection holds
 * its slot for the query and for the connection's own start-up (a backend is forked for it), which
 * each request of the trial measures: the twin's hold is pg_sleep's 200 ms plus the measured
 * start-ups (20 quantiles, an empirical distribution).
 */
import { chownSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Scenario } from "@syslab/sim-core";
import { type CaseResult, type Comparison, compare, type TrialSummary } from "../case-result";
import type { MeasureOptions } from "../cases";
import { POSTGRES_BIN, POSTGRES_BIN_DIR } from "../machine";
import { type Outcome, poissonTimes, runOpenLoop, seededRandom } from "../open-loop-client";
import { latencyFigures, quantile } from "../percentiles";
import { postgresExchange } from "../postgres-exchange";
import { run, type Started, start, stop, waitForOutput } from "../processes";
import { runTrial } from "../run-trial";
import type { TrialContext } from "../trial-context";
import { simulateTwin } from "../twin";
import { twinFigure } from "../twin-figures";

const MAX_CONNECTIONS = 20;
const RATE = 80;
const SECONDS = 20;
const QUERY_SECONDS = 0.2;
const PRIORITY = -10;

interface PostgresResult {
  direct: [number, number | null, string | null][];
  bouncer: [number, number | null, string | null][];
  /** Seconds from connect to ReadyForQuery of each direct request that was not refused. */
  startups: number[];
}

/** Runs `command` as the postgres user (Postgres and pgbouncer refuse to run as root). */
function asPostgres(command: string, args: string[]): Started {
  return start("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", command, ...args], {
    ownGroup: false,
  });
}

async function postgres(params: { seed: number }, context: TrialContext): Promise<PostgresResult> {
  const dir = mkdtempSync(join(tmpdir(), "syslab-calibration-pg-"));
  const uid = Number(await run("id", ["-u", "postgres"], 5));
  const gid = Number(await run("id", ["-g", "postgres"], 5));
  chownSync(dir, uid, gid);
  const pgPort = context.privateNetwork ? 5433 : 15433 + (process.pid % 1000);
  const bouncerPort = pgPort + 1;
  let postgresServer: Started | null = null;
  let bouncer: Started | null = null;
  try {
    const initdb = asPostgres(join(POSTGRES_BIN_DIR, "initdb"), [
      "-D",
      join(dir, "data"),
      "-A",
      "trust",
      "-U",
      "postgres",
      "--no-sync",
    ]);
    if ((await initdb.exited) !== 0) throw new Error(`initdb failed: ${initdb.output()}`);
    postgresServer = asPostgres(POSTGRES_BIN, [
      "-D",
      join(dir, "data"),
      "-p",
      String(pgPort),
      "-k",
      dir,
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      `max_connections=${MAX_CONNECTIONS}`,
      "-c",
      "superuser_reserved_connections=0",
      "-c",
      "fsync=off",
      "-c",
      "synchronous_commit=off",
    ]);
    await waitForOutput(postgresServer, /ready to accept connections/, 60);

    const ini = join(dir, "pgbouncer.ini");
    writeFileSync(
      ini,
      [
        "[databases]",
        `postgres = host=127.0.0.1 port=${pgPort} dbname=postgres user=postgres`,
        "[pgbouncer]",
        "listen_addr = 127.0.0.1",
        `listen_port = ${bouncerPort}`,
        "unix_socket_dir =",
        "auth_type = any",
        "pool_mode = transaction",
        `default_pool_size = ${MAX_CONNECTIONS}`,
        "max_client_conn = 2000",
        `logfile = ${join(dir, "pgbouncer.log")}`,
        "",
      ].join("\n"),
    );
    chownSync(ini, uid, gid);
    bouncer = asPostgres("pgbouncer", [ini]);
    await new Promise((r) => setTimeout(r, 500));

    const load = async (port: number, seed: number) => {
      const plan = poissonTimes(seededRandom(seed), RATE, 0, SECONDS).map((at) => ({
        at,
        cls: "query",
        payload: `SELECT pg_sleep(${QUERY_SECONDS})`,
      }));
      const outcome = await runOpenLoop({
        plan,
        timeout: 30,
        exchange: postgresExchange("127.0.0.1", port, "postgres", "postgres"),
      });
      return outcome.outcomes;
    };
    const directOutcomes = await load(pgPort, params.seed);
    const bouncerOutcomes = await load(bouncerPort, params.seed);
    const rows = (outcomes: typeof directOutcomes) =>
      outcomes.map((o): [number, number | null, string | null] => [o.at, o.latency, o.failure]);
    return {
      direct: rows(directOutcomes),
      bouncer: rows(bouncerOutcomes),
      startups: directOutcomes.filter((o) => o.failure === null).map((o) => Number(o.head.split(" ")[1])),
    };
  } finally {
    if (bouncer) await stop(bouncer);
    if (postgresServer) await stop(postgresServer, 10);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** @public Loaded by trial.ts, which imports this module by its path. */
export const trials = { postgres };

function twinScenario(through: "direct" | "pgbouncer", startups: number[]): Scenario {
  const db = { type: "station", servers: MAX_CONNECTIONS, capacity: MAX_CONNECTIONS };
  const micros = (seconds: number) => `${Math.round(seconds * 1e6)}us`;
  const holdText =
    through === "direct"
      ? {
          empirical: Array.from({ length: 20 }, (_, i) =>
            micros(QUERY_SECONDS + quantile(startups, (i + 0.5) / 20)),
          ),
        }
      : micros(QUERY_SECONDS);
  return {
    version: 1,
    name:
      through === "direct"
        ? `Postgres, max_connections ${MAX_CONNECTIONS}: a new connection per request`
        : `pgbouncer (transaction mode, ${MAX_CONNECTIONS} server connections) in front of Postgres`,
    seed: 14,
    run: { duration: "600s", warmup: "5s" },
    workload: {
      arrival: { process: "poisson", rate: RATE },
      requests: [
        {
          name: "query",
          steps: through === "direct" ? [{ service: holdText }] : [{ call: "bouncer", hold: holdText }],
        },
      ],
    },
    // Through pgbouncer, each client is a connection of the application (a front that only makes
    // the call, with no limit of its own) to the transaction-mode pool.
    entry: through === "direct" ? "db" : "app",
    components:
      through === "direct"
        ? { db }
        : {
            app: {
              type: "server",
              cores: 2,
              architecture: { kind: "event-loop", workers: 1, connections: 100_000 },
            },
            bouncer: {
              type: "pool",
              mode: "transaction",
              clientConnections: 2000,
              size: MAX_CONNECTIONS,
              target: "db",
            },
            db,
          },
  } as unknown as Scenario;
}

const PERCENTILES = [50, 90, 99] as const;
const percentileCurve = (f: ReturnType<typeof latencyFigures>): [number, number][] =>
  PERCENTILES.map((p) => [p, f[`p${p}`]]);
const simCurve = (result: Parameters<typeof twinFigure>[0]): [number, number][] =>
  PERCENTILES.map((p) => [p, twinFigure(result, `latency.p${p}`)]);

const toOutcomes = (rows: [number, number | null, string | null][]): Outcome[] =>
  rows.map(([at, latency, failure]) => ({
    at,
    cls: "query",
    latency,
    failure: failure as Outcome["failure"],
    head: "",
  }));

export async function measure(options: MeasureOptions): Promise<CaseResult> {
  const began = Date.now();
  const repeats = Math.max(1, Math.min(options.repeats, 2));
  const results = [];
  const trialSummaries: TrialSummary[] = [];
  for (let r = 0; r < repeats; r++) {
    const t = await runTrial<PostgresResult>(
      import.meta.filename,
      "postgres",
      { seed: 300 + r, priority: PRIORITY },
      2 * SECONDS + 120,
    );
    results.push(t);
    const direct = latencyFigures(toOutcomes(t.direct));
    const bouncer = latencyFigures(toOutcomes(t.bouncer));
    trialSummaries.push({
      label: `#${r + 1}`,
      load: t.load,
      figures: {
        startupMedian: quantile(
          [...t.startups].sort((a, b) => a - b),
          0.5,
        ),
        directRefused: direct.failed.refused ?? 0,
        directFailureFraction: direct.failureFraction,
        directP50: direct.p50,
        bouncerFailureFraction: bouncer.failureFraction,
        bouncerP50: bouncer.p50,
        bouncerP99: bouncer.p99,
      },
    });
  }
  const startups = results.flatMap((t) => t.startups).sort((a, b) => a - b);
  const startup = quantile(startups, 0.5);
  const direct = latencyFigures(results.flatMap((t) => toOutcomes(t.direct)));
  const bouncer = latencyFigures(results.flatMap((t) => toOutcomes(t.bouncer)));
  const twins: Record<string, Scenario> = {
    direct: twinScenario("direct", startups),
    pgbouncer: twinScenario("pgbouncer", startups),
  };
  const simDirect = simulateTwin(twins.direct);
  const simBouncer = simulateTwin(twins.pgbouncer);
  const comparisons: Comparison[] = [
    compare(
      {
        label: "direct: refused fraction",
        twin: "direct",
        figure: "failureFraction",
        unit: "fraction",
        realTrials: results.map((t) => latencyFigures(toOutcomes(t.direct)).failureFraction),
      },
      direct.failureFraction,
      twinFigure(simDirect, "failureFraction"),
    ),
    ...(["p50", "p99"] as const).map((q) =>
      compare(
        { label: `direct: ${q} latency`, twin: "direct", figure: `latency.${q}`, unit: "s" },
        direct[q],
        twinFigure(simDirect, `latency.${q}`),
      ),
    ),
    compare(
      {
        label: "pgbouncer: refused fraction",
        twin: "pgbouncer",
        figure: "failureFraction",
        unit: "fraction",
      },
      bouncer.failureFraction,
      twinFigure(simBouncer, "failureFraction"),
    ),
    ...(["p50", "p90", "p99"] as const).map((q) =>
      compare(
        { label: `pgbouncer: ${q} latency`, twin: "pgbouncer", figure: `latency.${q}`, unit: "s" },
        bouncer[q],
        twinFigure(simBouncer, `latency.${q}`),
      ),
    ),
  ];
  return {
    name: "postgres",
    title: "Postgres max_connections against pgbouncer",
    setup: `A throwaway PostgreSQL cluster with max_connections ${MAX_CONNECTIONS}; open-loop Poisson ${RATE}/s for ${SECONDS} s, each client a new connection running SELECT pg_sleep(${QUERY_SECONDS}); straight to Postgres, then through pgbouncer (transaction mode, ${MAX_CONNECTIONS} server connections); direct connections started in ${(startup * 1000).toFixed(1)} ms (median), which the twin's hold includes; ${repeats} runs pooled.`,
    twins,
    comparisons,
    charts: [
      {
        id: "postgres-percentiles",
        title: `${RATE} new connections/s, each a ${QUERY_SECONDS * 1000} ms query, max_connections ${MAX_CONNECTIONS}`,
        xLabel: "percentile",
        yLabel: "latency of the requests that completed",
        xFormat: "number",
        yFormat: "duration",
        series: [
          { name: "direct, measured", points: percentileCurve(direct) },
          { name: "direct, syslab", points: simCurve(simDirect) },
          { name: "pgbouncer, measured", points: percentileCurve(bouncer) },
          { name: "pgbouncer, syslab", points: simCurve(simBouncer) },
        ],
      },
    ],
    trials: trialSummaries,
    seconds: (Date.now() - began) / 1000,
  };
}
