// A run accepted is never lost: SIGKILL mid-queue and mid-run, restart on the same data folder,
// and every run finishes with the result an uninterrupted run gives; SIGTERM drains gracefully.

import { join } from "node:path";
import { parseScenario, runScenario } from "@syslab/sim-core";
import Database from "better-sqlite3";
import { afterAll, describe, expect, test } from "vitest";
import {
  killAllServers,
  postJson,
  removeDataDir,
  startApiServer,
  tempDataDir,
  waitUntil,
} from "./support/api-server";
import { longScenario } from "./support/scenarios";

const dirs: string[] = [];

afterAll(async () => {
  await killAllServers();
  for (const dir of dirs) removeDataDir(dir);
});

function statuses(dataDir: string): Record<string, string> {
  const db = new Database(join(dataDir, "syslab.sqlite"), { readonly: true });
  try {
    const rows = db.prepare("SELECT id, status FROM runs").all() as { id: string; status: string }[];
    return Object.fromEntries(rows.map((r) => [r.id, r.status]));
  } finally {
    db.close();
  }
}

async function statusOf(url: string, id: string): Promise<string> {
  return (await (await fetch(`${url}/v1/runs/${id}`)).json()).status;
}

/** What the engine gives for this input, run directly in this process: the uninterrupted result. */
function directResult(input: unknown): unknown {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error("test scenario invalid");
  return JSON.parse(JSON.stringify(runScenario(parsed.scenario)));
}

describe("durability", () => {
  test("after SIGKILL with runs queued and running, a restart finishes all of them with identical results", async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const inputs = [longScenario(21, 800_000), longScenario(22, 200_000), longScenario(23, 100_000)];
    const first = await startApiServer({ dataDir });
    const ids: string[] = [];
    for (const input of inputs) {
      const res = await postJson(`${first.url}/v1/runs`, input);
      expect(res.status).toBe(201);
      ids.push((await res.json()).id);
    }
    await waitUntil(
      async () => ((await statusOf(first.url, ids[0]!)) === "running" ? true : undefined),
      30_000,
      "the first run to start",
    );
    await first.stop("SIGKILL");

    // Killed while one run was running and the others were queued: nothing finished yet.
    const before = statuses(dataDir);
    expect(before[ids[0]!]).toBe("running");
    expect(before[ids[1]!]).toBe("queued");
    expect(before[ids[2]!]).toBe("queued");

    const second = await startApiServer({ dataDir });
    expect(second.output()).toContain("re-queued 3 unfinished run(s)");
    const runs = [];
    for (const id of ids) runs.push(await (await fetch(`${second.url}/v1/runs/${id}?wait=60`)).json());
    // Compared only after the HTTP calls: the direct runs block this process's event loop for a while.
    for (let i = 0; i < ids.length; i++) {
      expect(runs[i].status, JSON.stringify(runs[i].error)).toBe("done");
      expect(runs[i].result).toEqual(directResult(inputs[i]));
    }
    await second.stop("SIGTERM");
  });

  test("SIGTERM stops accepting, lets the running run finish, keeps queued runs for the next start", async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const server = await startApiServer({ dataDir, env: { DRAIN_TIMEOUT: "60" } });
    const running = (await (await postJson(`${server.url}/v1/runs`, longScenario(24, 1_000_000))).json()).id;
    const queued = (await (await postJson(`${server.url}/v1/runs`, longScenario(25, 200_000))).json()).id;
    await waitUntil(
      async () => ((await statusOf(server.url, running)) === "running" ? true : undefined),
      30_000,
      "the first run to start",
    );
    // A long poll open at shutdown is answered, not cut off.
    const longPoll = fetch(`${server.url}/v1/runs/${queued}?wait=60`).then((r) => r.json());
    // Give the request time to reach the server: one still being written when the listener closes
    // is refused or reset by the operating system, before the server could answer it.
    await new Promise((r) => setTimeout(r, 500));
    const exitCode = await server.stop("SIGTERM");
    expect(exitCode).toBe(0);
    expect(server.output()).toContain("SIGTERM: draining");
    expect(["queued", "running", "done"]).toContain((await longPoll).status);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();

    const after = statuses(dataDir);
    expect(after[running], server.output()).toBe("done");
    expect(after[queued]).toBe("queued");

    const restarted = await startApiServer({ dataDir });
    const run = await (await fetch(`${restarted.url}/v1/runs/${queued}?wait=60`)).json();
    expect(run.status).toBe("done");
    await restarted.stop("SIGTERM");
  });
  test("SIGTERM re-queues a run that outlasts DRAIN_TIMEOUT, and the next start finishes it", async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const server = await startApiServer({ dataDir, env: { DRAIN_TIMEOUT: "0.2" } });
    const input = longScenario(26, 1_500_000);
    const id = (await (await postJson(`${server.url}/v1/runs`, input)).json()).id;
    await waitUntil(
      async () => ((await statusOf(server.url, id)) === "running" ? true : undefined),
      30_000,
      "the run to start",
    );
    expect(await server.stop("SIGTERM")).toBe(0);
    expect(statuses(dataDir)[id], server.output()).toBe("queued");

    const restarted = await startApiServer({ dataDir });
    expect(restarted.output()).toContain("re-queued 1 unfinished run(s)");
    const run = await (await fetch(`${restarted.url}/v1/runs/${id}?wait=60`)).json();
    expect(run.status, JSON.stringify(run.error)).toBe("done");
    await restarted.stop("SIGTERM");
  });
});
