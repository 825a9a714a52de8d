// Connection pools: the same clients talk to Postgres directly (one backend process per connection, up
// to max_connections) or through a pgbouncer in transaction mode with a small pool of server connections.
import example from "../../../../examples/docs/connection-pools.json";
import { formatDuration, formatNumber, formatPercent } from "./number-format";
import { cachedSimulate } from "./run-cache";
import type { Params, WidgetModel, WidgetView } from "./view";

export const CLIENTS = [4, 8, 16, 32, 64, 128, 256, 512];
export const POOL_SIZES = [2, 4, 8, 16, 32, 64];

/**
 * Each query is 4 ms of CPU on a 4-core database; a switch between backends costs 50 µs, more than a
 * bare context switch, because the processes' working sets evict each other from the caches.
 * Directly, every client connection is a backend, so all of them compete for the cores. Through
 * pgbouncer (a `pool` in transaction mode) only `poolSize` backends exist: a client's query waits in
 * pgbouncer for a server connection, then runs on the database holding it.
 */
function scenarioAt(path: string, clients: number, poolSize: number): unknown {
  const scenario: typeof example & { components: Record<string, unknown> } = structuredClone(example);
  scenario.workload.clients.users = clients;
  const db = scenario.components.db;
  if (path === "direct") {
    scenario.name = `${clients} client connections straight to Postgres (4 cores)`;
    db.architecture.threads = clients; // max_connections ≥ clients: one backend each
  } else {
    scenario.name = `${clients} client connections through pgbouncer (pool of ${poolSize}) to Postgres (4 cores)`;
    scenario.components.pgbouncer = {
      type: "pool",
      mode: "transaction",
      size: poolSize,
      clientConnections: Math.max(clients, poolSize), // max_client_conn: every client gets in
      target: "db",
    };
    scenario.workload.requests[0]!.steps[0]!.call = "pgbouncer";
    db.architecture.threads = poolSize; // the database sees only pgbouncer's server connections
  }
  return scenario;
}

interface ServerFigures {
  cpu: { switching: number };
  peakMemory: number;
}

const MB = 1024 * 1024;

function compute(params: Params): WidgetView {
  const path = String(params.path);
  const clients = Number(params.clients);
  const poolSize = Number(params.poolSize);
  const rows = CLIENTS.map((n) => ({
    clients: n,
    direct: cachedSimulate(scenarioAt("direct", n, poolSize)),
    pooled: cachedSimulate(scenarioAt("pgbouncer", n, poolSize)),
  }));
  const focus = scenarioAt(path, clients, poolSize);
  const result = cachedSimulate(focus);
  const db = result.components.db as unknown as ServerFigures;
  const label = path === "direct" ? "Direct" : `pgbouncer (${poolSize})`;
  // The other path at the same number of clients, for comparison (its run is already in the sweep).
  const otherPath = path === "direct" ? "pgbouncer" : "direct";
  const other = cachedSimulate(scenarioAt(otherPath, clients, poolSize));
  const otherLabel = path === "direct" ? `pgbouncer (${poolSize})` : "Direct";

  const peak = rows.reduce((a, b) => (b.direct.throughput > a.direct.throughput ? b : a));
  const direct = path === "direct" ? result : other;
  const pooled = path === "direct" ? other : result;
  const summary =
    `At ${clients} client connections, direct connections complete ${formatNumber(direct.throughput, 0)} queries/s ` +
    `and pgbouncer with a pool of ${poolSize} ${formatNumber(pooled.throughput, 0)} /s; direct throughput peaks at ` +
    `${formatNumber(peak.direct.throughput, 0)} /s with ${peak.clients} clients and falls as more backends compete for 4 cores.`;

  return {
    chart: {
      title: "Queries per second vs client connections",
      summary,
      xLabel: "Client connections",
      yLabel: "Queries completed per second",
      series: [
        {
          name: "Direct",
          style: "line",
          emphasis: path === "direct",
          points: rows.map((r) => [r.clients, r.direct.throughput]),
        },
        {
          name: `pgbouncer (${poolSize})`,
          style: "line",
          emphasis: path !== "direct",
          points: rows.map((r) => [r.clients, r.pooled.throughput]),
        },
        { name: "This run", style: "points", points: [[clients, result.throughput]] },
      ],
    },
    table: {
      caption: `Throughput and p99 by client connections, direct vs pgbouncer (pool of ${poolSize})`,
      columns: [
        "Clients",
        "Direct (/s)",
        "Direct p99",
        "Direct DB memory",
        "pgbouncer (/s)",
        "pgbouncer p99",
        "pgbouncer DB memory",
      ],
      rows: rows.map((r) => [
        String(r.clients),
        formatNumber(r.direct.throughput, 0),
        formatDuration(r.direct.latency.p99),
        `${formatNumber((r.direct.components.db as unknown as ServerFigures).peakMemory / MB, 0)} MB`,
        formatNumber(r.pooled.throughput, 0),
        formatDuration(r.pooled.latency.p99),
        `${formatNumber((r.pooled.components.db as unknown as ServerFigures).peakMemory / MB, 0)} MB`,
      ]),
    },
    numbers: [
      {
        id: "throughput",
        label: `${label}: queries/s`,
        value: result.throughput,
        text: `${formatNumber(result.throughput, 0)} /s`,
        field: "throughput",
      },
      {
        id: "other-throughput",
        label: `${otherLabel}, same clients: queries/s`,
        value: other.throughput,
        text: `${formatNumber(other.throughput, 0)} /s`,
      },
      {
        id: "p99-latency",
        label: "p99 latency",
        value: result.latency.p99,
        text: formatDuration(result.latency.p99),
        field: "latency.p99",
      },
      {
        id: "switching",
        label: "DB core time lost to switching",
        value: db.cpu.switching,
        text: formatPercent(db.cpu.switching, 1),
        field: "components.db.cpu.switching",
      },
      {
        id: "peak-memory",
        label: "DB peak memory",
        value: db.peakMemory,
        text: `${formatNumber(db.peakMemory / MB, 0)} MB`,
        field: "components.db.peakMemory",
      },
    ],
    scenario: focus,
  };
}

export const connectionPools: WidgetModel = {
  name: "connection-pools",
  defaults: { path: "direct", clients: example.workload.clients.users, poolSize: 16 },
  compute,
};
