// The scale-out deployment end to end, on 127.0.0.1: two API replicas behind nginx (deploy/nginx.conf),
// two workers, and a Postgres cluster of the test's own. Runs are submitted through nginx; a worker is
// SIGKILLed while it runs runs, Postgres restarts, an API replica is SIGKILLed while runs are being
// submitted — and every accepted run finishes with the result the CLI prints for the same scenario.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { cli } from "../../apps/cli/src/cli";
import {
  type ApiServer,
  killAllServers,
  postJson,
  startApiServer,
  waitUntil,
} from "../api/support/api-server";
import { longScenario, quickScenario } from "../api/support/scenarios";
import { type Nginx, nginxBinary, noNginx, startNginx } from "../support/nginx";
import { type Cluster, clusterAvailable, noCluster, startCluster } from "../support/postgres-cluster";

const skip = !nginxBinary ? noNginx : !clusterAvailable ? noCluster : undefined;

let cluster: Cluster | undefined;
let nginx: Nginx | undefined;
afterAll(async () => {
  await nginx?.stop();
  await killAllServers();
  cluster?.stop();
});

/** The result exactly as the API serves it: the text after `"result":` in the raw response. */
function resultText(body: string): string {
  const at = body.indexOf(',"result":');
  if (at < 0) throw new Error(`no result in ${body.slice(0, 300)}`);
  return body.slice(at + ',"result":'.length, -1);
}

/** What `npm run sim -- file --json` prints for `input`, in its compact form. */
async function cliResult(input: unknown, dir: string, name: string): Promise<string> {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(input));
  let out = "";
  const status = await cli([file, "--json"], { out: (t) => (out += t), err: (t) => (out += t) });
  if (status !== 0) throw new Error(`the CLI failed on ${name}: ${out}`);
  return JSON.stringify(JSON.parse(out));
}

function logLines(server: ApiServer): Record<string, unknown>[] {
  return server
    .output()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l));
}

test.skipIf(skip !== undefined)(
  `2 replicas + 2 workers + Postgres: SIGKILL a worker and a replica, restart Postgres, lose nothing${skip ? ` (skipped: ${skip})` : ""}`,
  { timeout: 300_000 },
  async () => {
    cluster = await startCluster();
    const common = {
      DATABASE_URL: cluster.url,
      RATE_LIMIT: "0",
      QUEUE_MAINTENANCE_INTERVAL: "1",
      // A killed worker's runs go to another once their jobs expire: soon, but after any live run ends
      // (the default wall-time limit, generous for these runs even on a busy machine).
      SYSLAB_MAX_WALL_TIME: "30",
      JOB_EXPIRE: "35",
    };
    const replicas = await Promise.all(
      [0, 1].map(() => startApiServer({ env: { ...common, SYSLAB_ROLE: "api" } })),
    );
    const workers = await Promise.all(
      [0, 1].map(() => startApiServer({ env: { ...common, SYSLAB_ROLE: "worker", POOL_SIZE: "2" } })),
    );
    nginx = await startNginx(replicas.map((r) => new URL(r.url).host));

    const accepted = new Map<string, unknown>();
    // 201 when this request stored the run; 200 when an earlier attempt of it already had (a request
    // that nginx passed on to the other replica after the first died holding it).
    const submit = async (url: string, input: unknown, answers = [201]) => {
      const res = await postJson(`${url}/v1/runs`, input);
      expect(answers, await res.clone().text()).toContain(res.status);
      const { id } = await res.json();
      accepted.set(id, input);
      return id as string;
    };

    // 50 runs through nginx. Four long ones first, so that both workers are busy: SIGKILL the first
    // worker while it has one under way.
    for (let i = 0; i < 4; i++) await submit(nginx.url, longScenario(200 + i, 400_000));
    const victim = workers[0]!;
    const running = await waitUntil(
      async () => {
        const lines = logLines(victim);
        const started = lines.filter((l) => l.msg === "run started").map((l) => l.runId as string);
        const ended = new Set(lines.filter((l) => l.outcome).map((l) => l.runId));
        return started.find((id) => !ended.has(id));
      },
      60_000,
      "the first worker to be running a run",
    );
    await victim.stop("SIGKILL");
    for (let i = 0; i < 46; i++) await submit(nginx.url, quickScenario(300 + i, 30_000));
    expect(accepted.size).toBe(50);

    // Postgres restarts while runs are still queued and running, cutting every connection of every
    // process.
    const metrics = await (await fetch(`${replicas[0]!.url}/metrics`)).text();
    const unfinished = [...metrics.matchAll(/^syslab_runs\{status="(queued|running)"\} (\d+)$/gm)];
    expect(unfinished.reduce((n, m) => n + Number(m[2]), 0)).toBeGreaterThan(0);
    cluster.restart();

    // A run accepted by one replica, long-polled on the other: it hears of the finish through Postgres
    // (on a listening connection that the restart cut and that came back).
    await waitUntil(
      async () => ((await fetch(`${replicas[1]!.url}/readyz`)).status === 200 ? true : undefined),
      30_000,
      "the second replica to reach Postgres again",
    );
    const crossId = await submit(replicas[1]!.url, quickScenario(400, 30_000));
    const crossRun = await (await fetch(`${replicas[0]!.url}/v1/runs/${crossId}?wait=60`)).json();
    expect(crossRun.status).toBe("done");
    // (The worker logs the run once its job is completed, just after storing the result.)
    await waitUntil(
      async () => logLines(workers[1]!).some((l) => l.runId === crossId && l.msg === "run done") || undefined,
      10_000,
      "the surviving worker to log the run",
    );

    // Twenty more runs through nginx, four at a time, and one replica SIGKILLed while some are in
    // flight: nginx passes those the dead replica held to the other (POST /v1/runs is idempotent), so
    // every one is answered and accepted.
    let answered = 0;
    let killed: Promise<unknown> | undefined;
    const sender = async (lane: number) => {
      for (let i = lane; i < 20; i += 4) {
        await submit(nginx!.url, quickScenario(500 + i, 30_000), [200, 201]);
        if (++answered === 6) killed = replicas[1]!.stop("SIGKILL");
      }
    };
    await Promise.all([0, 1, 2, 3].map(sender));
    await killed;
    expect(accepted.size).toBe(71);

    // Every accepted run finishes.
    const bodies = new Map<string, string>();
    const deadline = Date.now() + 180_000;
    for (const id of accepted.keys()) {
      for (;;) {
        const res = await fetch(`${nginx.url}/v1/runs/${id}?wait=30`);
        const body = await res.text();
        const status = res.status === 200 ? JSON.parse(body).status : undefined;
        if (status === "done") {
          bodies.set(id, body);
          break;
        }
        if (status === "failed" || Date.now() > deadline)
          throw new Error(`run ${id} did not finish: ${body.slice(0, 600)}`);
      }
    }

    // The killed worker's run was handed to the surviving worker, which ran it again.
    expect(
      logLines(workers[1]!).some(
        (l) => l.runId === running && l.msg === "run started" && (l.retries as number) >= 1,
      ),
    ).toBe(true);

    // Byte for byte what the CLI prints (compact), for every run — computed last, as it keeps this
    // process busy.
    const dir = mkdtempSync(join(tmpdir(), "syslab-scale-out-"));
    try {
      let i = 0;
      for (const [id, input] of accepted) {
        expect(resultText(bodies.get(id)!), `run ${id}`).toBe(await cliResult(input, dir, `run-${i++}`));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
