// Load benchmark for the API: req/s and p99 latency at 50 connections for GET /v1/runs/:id of a
// finished run and POST /v1/runs of an already-stored scenario. Target for the GET on a 2-core
// machine: ≥ 5,000 req/s with p99 < 20 ms.
//
//   node --import tsx bench/api-load.ts [seconds per case, default 10]

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";

const seconds = Number(process.argv[2] ?? 10);
const connections = 50;
const dataDir = mkdtempSync(join(tmpdir(), "syslab-api-bench-"));

const server = spawn(process.execPath, ["--import", "tsx", "apps/api/src/main.ts"], {
  env: { ...process.env, HOST: "127.0.0.1", PORT: "0", DATA_DIR: dataDir, RATE_LIMIT: "0", POOL_SIZE: "1" },
  stdio: ["ignore", "pipe", "inherit"],
});

try {
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error("the server did not start in 30 s")), 30_000);
    server.stdout!.on("data", (d) => {
      out += d;
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
  });

  const scenario = JSON.stringify({
    version: 1,
    name: "bench M/M/4",
    seed: 7,
    run: { requests: 20_000 },
    workload: {
      arrival: { process: "poisson", rate: 3.6 },
      requests: [{ name: "job", steps: [{ service: { exp: "1s" } }] }],
    },
    entry: "q",
    components: { q: { type: "station", servers: 4 } },
  });
  const headers = { "content-type": "application/json" };
  const created = await (await fetch(`${url}/v1/runs`, { method: "POST", headers, body: scenario })).json();
  const run = await (await fetch(`${url}/v1/runs/${created.id}?wait=60`)).json();
  if (run.status !== "done") throw new Error(`the bench run ended ${run.status}`);

  const cases: {
    name: string;
    target?: { rps: number; p99: number };
    opts: Parameters<typeof autocannon>[0];
  }[] = [
    {
      name: `GET  /v1/runs/:id (done run, ${JSON.stringify(run).length} B)`,
      target: { rps: 5000, p99: 20 },
      opts: { url: `${url}/v1/runs/${created.id}` },
    },
    {
      name: "POST /v1/runs (stored scenario → 200)",
      opts: { url: `${url}/v1/runs`, method: "POST" as const, headers, body: scenario },
    },
  ];
  console.log(`API load: ${connections} connections, ${seconds} s per case`);
  for (const c of cases) {
    const result = await autocannon({ ...c.opts, connections, duration: seconds });
    const bad = result.non2xx + result.errors + result.timeouts;
    const verdict = c.target
      ? `   target ≥ ${c.target.rps.toLocaleString("en-US")} req/s, p99 < ${c.target.p99} ms: ` +
        (result.requests.average >= c.target.rps && result.latency.p99 < c.target.p99 ? "met" : "NOT met")
      : "";
    console.log(
      `${c.name.padEnd(52)} ${Math.round(result.requests.average).toLocaleString("en-US").padStart(8)} req/s` +
        `   p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms   failed ${bad}${verdict}`,
    );
  }
} finally {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
