// Connection pools: the same clients talk to Postgres directly (one backend process per connection, up
// to max_connections) or through a pgbouncer in transaction mode with a small pool of server connections.
import example from "../../../../examples/docs/connection-pools.json";
import { formatDuration, formatNumber, formatPercent } from "./number-format";
import { cachedSimulate } from "./run-cache";
import type { Params, WidgetModel, WidgetView } from "./view";

export const CLIENTS = [4, 8, 16, 32, 64, 128, 256, 512];

// Each query is 4 ms of CPU on the database. A switch between backends costs more than a bare context
// switch: the processes' working sets evict each other from the caches (50 µs assumed here).
function scenarioAt(path: string, clients: number, poolSize: number): unknown {
  const scenario = structuredClone(example) as unknown as {
    name: string;
    workload: { clients: { users: number }; requests: { steps: unknown[] }[] };
    components: Record<string, unknown>;
  };
  scenario.workload.clients.users = clients;
  const db = scenario.components.db as { architecture: { threads: number } };
  if (path === "direct") {
    scenario.name = `${clients} client connections straight to Postgres (4 cores)`;
    db.architecture.threads = clients; // max_connections ≥ clients: one backend each
  } else {
    scenario.name = `${clients} client connections through pgbouncer (pool of ${poolSize}) to Postgres (4 cores)`;
    db.architecture.threads = poolSize;
    scenario.workload.requests[0]!.steps = [{ call: "pgbouncer", hold: { exp: "4ms" } }];
    scenario.components = {
      app: scenario.components.app,
      pgbouncer: { type: "pool", mode: "transaction", size: poolSize, clientConnections: 1000, target: "db" },
      db,
    };
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

  return {
    chart: {
      title: "Queries per second vs client connections",
      xLabel: "Client connections",
      yLabel: "Queries completed per second",
      series: [
        { name: "Direct", style: "line", points: rows.map((r) => [r.clients, r.direct.throughput]) },
        {
          name: `pgbouncer (${poolSize})`,
          style: "line",
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
      },
      {
        id: "p99-latency",
        label: "p99 latency",
        value: result.latency.p99,
        text: formatDuration(result.latency.p99),
      },
      {
        id: "switching",
        label: "DB core time lost to switching",
        value: db.cpu.switching,
        text: formatPercent(db.cpu.switching, 1),
      },
      {
        id: "peak-memory",
        label: "DB peak memory",
        value: db.peakMemory,
        text: `${formatNumber(db.peakMemory / MB, 0)} MB`,
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
