// deploy/nginx.conf, run by Debian's nginx on 127.0.0.1 in front of two API replicas on Postgres:
// requests are shared out and fail over, client addresses and request ids are forwarded, the body
// limit and its error agree with the API's, event streams and long polls pass through unbuffered,
// and the timeouts agree with the API's settings.

import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadConfig } from "../../apps/api/src/config";
import { migratePg } from "../../apps/api/src/db/postgres/migrate";
import { type ApiServer, killAllServers, postJson, startApiServer } from "../api/support/api-server";
import { createTestDatabase, noPostgres, postgresUrl, type TestDatabase } from "../api/support/postgres";
import { longScenario, quickScenario } from "../api/support/scenarios";
import { type Nginx, nginxBinary, noNginx, startNginx } from "../support/nginx";

const conf = readFileSync(new URL("../../deploy/nginx.conf", import.meta.url), "utf8");

test("the shipped settings agree with the API's defaults", () => {
  const defaults = loadConfig({});
  const seconds = (name: string) => Number(new RegExp(`\\n\\s*${name} (\\d+)s;`).exec(conf)?.[1]);
  // A long poll may be held MAX_WAIT seconds; an event stream is quiet at most 15 s between keep-alives.
  expect(seconds("proxy_read_timeout")).toBeGreaterThan(defaults.maxWait + 5);
  expect(seconds("proxy_read_timeout")).toBeGreaterThan(15);
  expect(/client_max_body_size 1m;/.test(conf) && 1024 * 1024).toBe(defaults.bodyLimit);
  expect(conf).toContain(`"detail":"The body is larger than the limit of ${defaults.bodyLimit} bytes."`);
  // Upstream connections are dropped before Node's 5 s keep-alive timeout closes them.
  expect(seconds("keepalive_timeout")).toBeLessThan(5);
});

const skip = !nginxBinary ? noNginx : !postgresUrl ? noPostgres : undefined;

describe.skipIf(skip !== undefined)(`behind nginx${skip ? ` (skipped: ${skip})` : ""}`, () => {
  let database: TestDatabase;
  let replicas: ApiServer[];
  let nginx: Nginx;

  beforeAll(async () => {
    database = await createTestDatabase();
    await migratePg(database.url);
    const env = { DATABASE_URL: database.url, SYSLAB_ROLE: "all", RATE_LIMIT: "0", POOL_SIZE: "1" };
    replicas = await Promise.all([startApiServer({ env }), startApiServer({ env })]);
    nginx = await startNginx(replicas.map((r) => new URL(r.url).host));
  });

  afterAll(async () => {
    await nginx?.stop();
    await killAllServers();
    await database?.drop();
  });

  /** The parsed request log lines of a replica. */
  function requestLines(replica: ApiServer): Record<string, unknown>[] {
    return replica
      .output()
      .split("\n")
      .filter((l) => l.includes('"msg":"request"'))
      .map((l) => JSON.parse(l));
  }

  test("requests are shared between the replicas, each with nginx's request id, echoed and logged", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await fetch(`${nginx.url}/healthz`);
      expect(res.status).toBe(200);
      ids.push(res.headers.get("x-request-id")!);
    }
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    await new Promise((r) => setTimeout(r, 200));
    const logged = replicas.map((r) => requestLines(r).map((l) => l.reqId));
    for (const perReplica of logged) expect(perReplica.some((id) => ids.includes(id as string))).toBe(true);
    for (const id of ids) expect(logged.filter((l) => l.includes(id)).length).toBe(1);
  });

  test("the client's address is forwarded, after any the client sent", async () => {
    const res = await fetch(`${nginx.url}/healthz`, { headers: { "X-Forwarded-For": "203.0.113.7" } });
    const id = res.headers.get("x-request-id");
    await new Promise((r) => setTimeout(r, 200));
    const line = replicas.flatMap(requestLines).find((l) => l.reqId === id)!;
    expect(line).toMatchObject({ forwardedFor: "203.0.113.7, 127.0.0.1", remote: "127.0.0.1" });
  });

  test("a body at the limit reaches the API; one byte more is the API's own 413 problem, from nginx", async () => {
    const limit = 1_048_576;
    const body = (size: number) => {
      const text = JSON.stringify({ ...quickScenario(), name: "" });
      return text.replace('"name":""', `"name":"${"x".repeat(size - text.length)}"`);
    };
    expect(body(limit).length).toBe(limit);
    const post = (url: string, size: number) =>
      fetch(`${url}/v1/runs`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: body(size),
      });
    const atLimit = await post(nginx.url, limit);
    expect(atLimit.status).not.toBe(413);
    expect(atLimit.headers.get("content-type")).toMatch(/json/);
    const fromNginx = await post(nginx.url, limit + 1);
    const fromApi = await post(replicas[0]!.url, limit + 1);
    expect(fromNginx.status).toBe(413);
    expect(fromNginx.headers.get("content-type")).toBe("application/problem+json");
    expect(fromNginx.headers.get("x-request-id")).toBeNull(); // answered by nginx, not a replica
    expect(await fromNginx.json()).toEqual(await fromApi.json());
  });

  test("an event stream arrives event by event while the run is still going", async () => {
    const { id } = await (await postJson(`${nginx.url}/v1/runs`, longScenario(61, 1_500_000))).json();
    const res = await fetch(`${nginx.url}/v1/runs/${id}/events`);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    let statusWhenFirstProgressArrived: string | undefined;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
      if (statusWhenFirstProgressArrived === undefined && text.includes("event: progress")) {
        statusWhenFirstProgressArrived = (await (await fetch(`${nginx.url}/v1/runs/${id}`)).json()).status;
      }
    }
    // Buffered, the first progress event would only arrive with the result, after the run.
    expect(statusWhenFirstProgressArrived).toBe("running");
    expect(text).toMatch(/event: result\n/);
  });

  test("a long poll through nginx returns the run when it finishes", async () => {
    const { id } = await (await postJson(`${nginx.url}/v1/runs`, longScenario(62, 400_000))).json();
    const run = await (await fetch(`${nginx.url}/v1/runs/${id}?wait=50`)).json();
    expect(run.status).toBe("done");
    expect(run.result.requests.completed).toBeGreaterThan(0);
  });

  test("metrics are not served to the public", async () => {
    const res = await fetch(`${nginx.url}/metrics`);
    expect(res.status).toBe(404);
    expect((await res.json()).code).toBe("route.not-found");
    expect((await fetch(`${replicas[0]!.url}/metrics`)).status).toBe(200);
  });

  test("with one replica killed, reads and submissions go to the other", async () => {
    await replicas[1]!.stop("SIGKILL");
    for (let i = 0; i < 4; i++) {
      expect((await fetch(`${nginx.url}/healthz`)).status).toBe(200);
      const res = await postJson(`${nginx.url}/v1/runs`, quickScenario(70 + i));
      expect(res.status).toBe(201);
    }
  });
});
