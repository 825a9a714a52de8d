// Load benchmark for the API: req/s and latency at 50 connections for GET /v1/runs/:id of a finished
// run, POST /v1/runs of a stored scenario (200) and POST /v1/runs of a new one (201, then executed),
// against two deployments in the same run: the embedded server (SQLite, one process) and Postgres
// through nginx (deploy/nginx.conf, two API replicas, one worker). Logging is left at its default
// (a line per request), as it would run. Target for the GET on a 2-core machine, in both: ≥ 10,000
// req/s with p99 < 20 ms.
//
//   npm run bench:api [-- seconds per case, default 10]
//
// The Postgres half needs a server (as the tests find it: SYSLAB_TEST_DATABASE_URL, or the
// machine's on 127.0.0.1:5432) and Debian's nginx; without them it says so and is skipped.

import autocannon, { type RequestParams } from "autocannon";
import { migratePg } from "../apps/api/src/db/postgres/migrate";
import {
  type ApiServer,
  killAllServers,
  removeDataDir,
  startApiServer,
} from "../test/api/support/api-server";
import { createTestDatabase, postgresUrl, type TestDatabase } from "../test/api/support/postgres";
import { type Nginx, nginxBinary, startNginx } from "../test/support/nginx";

const seconds = Number(process.argv[2] ?? 10);
const connections = 50;
const getTarget = { rps: 10_000, p99: 20 };

const scenario = (name: string) =>
  JSON.stringify({
    version: 1,
    name,
    seed: 7,
    run: { requests: 20_000 },
    workload: {
      arrival: { process: "poisson", rate: 3.6 },
      requests: [{ name: "job", steps: [{ service: { exp: "1s" } }] }],
    },
    entry: "q",
    components: { q: { type: "station", servers: 4 } },
  });
// New runs are small, so that the workers keep up and the measurement is of accepting them.
let newRuns = 0;
const newScenario = () =>
  JSON.stringify({ ...JSON.parse(scenario(`bench new ${newRuns++}`)), run: { requests: 200 } });
const headers = { "content-type": "application/json" };
const serverEnv = { RATE_LIMIT: "0", POOL_SIZE: "1", RUN_QUEUE_LIMIT: "1000000" };

interface Row {
  deployment: string;
  request: string;
  rps: number;
  p50: number;
  p99: number;
  failed: number;
  verdict: string;
}

/** Stores the bench run through `url` and waits for it, then drives the three requests at it. */
async function measure(deployment: string, url: string, target?: typeof getTarget): Promise<Row[]> {
  const body = scenario("bench M/M/4");
  const created = await (await fetch(`${url}/v1/runs`, { method: "POST", headers, body })).json();
  const run = await (await fetch(`${url}/v1/runs/${created.id}?wait=60`)).json();
  if (run.status !== "done") throw new Error(`${deployment}: the bench run ended ${run.status}`);
  const size = (await (await fetch(`${url}/v1/runs/${created.id}`)).text()).length;
  const cases = [
    { request: `GET  /v1/runs/:id (done, ${size} B)`, target, opts: { url: `${url}/v1/runs/${created.id}` } },
    {
      request: "POST /v1/runs (stored → 200)",
      opts: { url: `${url}/v1/runs`, method: "POST" as const, headers, body },
    },
    {
      request: "POST /v1/runs (new → 201)",
      opts: {
        url: `${url}/v1/runs`,
        headers,
        requests: [
          {
            method: "POST" as const,
            setupRequest: (req: RequestParams) => ({ ...req, body: newScenario() }),
          },
        ],
      },
    },
  ];
  const rows: Row[] = [];
  for (const c of cases) {
    const r = await autocannon({ ...c.opts, connections, duration: seconds });
    const met = c.target && r.requests.average >= c.target.rps && r.latency.p99 < c.target.p99;
    rows.push({
      deployment,
      request: c.request,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      failed: r.non2xx + r.errors + r.timeouts,
      verdict: c.target
        ? `target ≥ ${c.target.rps.toLocaleString("en-US")} req/s, p99 < ${c.target.p99} ms: ${met ? "met" : "NOT met"}`
        : "",
    });
  }
  return rows;
}

function print(rows: Row[]): void {
  for (const r of rows) {
    console.log(
      `${r.deployment.padEnd(26)} ${r.request.padEnd(34)} ${Math.round(r.rps).toLocaleString("en-US").padStart(8)} req/s` +
        `   p50 ${String(r.p50).padStart(3)} ms   p99 ${String(r.p99).padStart(3)} ms   failed ${r.failed}   ${r.verdict}`,
    );
  }
}

console.log(`API load: ${connections} connections, ${seconds} s per case`);
const servers: ApiServer[] = [];
let database: TestDatabase | undefined;
let nginx: Nginx | undefined;
try {
  const embedded = await startApiServer({ env: serverEnv, forgetOutput: true });
  servers.push(embedded);
  print(await measure("embedded (SQLite)", embedded.url, getTarget));
  await embedded.stop();

  if (!postgresUrl || !nginxBinary) {
    console.log(
      `Postgres through nginx: skipped (${!postgresUrl ? "no Postgres reachable" : "nginx missing"})`,
    );
  } else {
    database = await createTestDatabase();
    await migratePg(database.url);
    const env = { ...serverEnv, DATABASE_URL: database.url };
    const replicas = await Promise.all(
      [0, 1].map(() => startApiServer({ env: { ...env, SYSLAB_ROLE: "api" }, forgetOutput: true })),
    );
    servers.push(...replicas);
    servers.push(await startApiServer({ env: { ...env, SYSLAB_ROLE: "worker" }, forgetOutput: true }));
    nginx = await startNginx(replicas.map((r) => new URL(r.url).host));
    print(await measure("Postgres, 2 replicas, nginx", nginx.url, getTarget));
  }
} finally {
  await nginx?.stop();
  await killAllServers();
  for (const s of servers) removeDataDir(s.dataDir);
  await database?.drop();
}
