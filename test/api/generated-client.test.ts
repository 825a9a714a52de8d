// The API end to end through the client generated from its OpenAPI document (openapi-typescript +
// openapi-fetch): every call is typed by the document, and every JSON answer is checked against the
// schema the served document gives for that operation and status. A route, a status or a field the
// document gets wrong fails here.

import { type ApiClient, createApiClient } from "@syslab/api-contract";
import type { Result } from "@syslab/sim-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type ApiServer, killAllServers, removeDataDir, startApiServer } from "./support/api-server";
import { checkedFetch } from "./support/checked-fetch";

let server: ApiServer;
let client: ApiClient;

const scenario = (seed: number, requests = 20_000) => ({
  version: 1 as const,
  name: `M/M/4 through the generated client, seed ${seed}`,
  seed,
  run: { requests },
  workload: {
    arrival: { process: "poisson" as const, rate: 3.6 },
    requests: [{ name: "job", steps: [{ service: { exp: "1s" } }] }],
  },
  entry: "q",
  components: { q: { type: "station" as const, servers: 4 } },
});

beforeAll(async () => {
  server = await startApiServer({ env: { RATE_LIMIT: "0" } });
  const document = await (await fetch(`${server.url}/openapi.json`)).json();
  client = createApiClient(server.url, { fetch: checkedFetch(document) });
});

afterAll(async () => {
  await killAllServers();
  removeDataDir(server.dataDir);
});

describe("a run through the generated client", () => {
  test("created (201), found again (200), long-polled to its result, streamed, charted and shared", async () => {
    const created = await client.POST("/v1/runs", { body: scenario(101) });
    expect(created.response.status).toBe(201);
    const id = created.data!.id;
    expect(created.data!.links.share).toBe(`${server.url}/r/${id}`);
    expect(created.response.headers.get("location")).toBe(created.data!.links.self);

    const again = await client.POST("/v1/runs", { body: scenario(101) });
    expect(again.response.status).toBe(200);
    expect(again.data!.id).toBe(id);

    const done = await client.GET("/v1/runs/{id}", { params: { path: { id }, query: { wait: 30 } } });
    expect(done.data!.status).toBe("done");
    const result = done.data!.result as unknown as Result;
    // M/M/4 at λ = 3.6, μ = 1: utilisation ρ = 0.9, so the station is busy about 90% of the time.
    expect(result.components.q!.utilization).toBeGreaterThan(0.85);
    expect(result.components.q!.utilization).toBeLessThan(0.95);

    const events = await client.GET("/v1/runs/{id}/events", { params: { path: { id } }, parseAs: "text" });
    expect(events.response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(events.data).toMatch(/^event: status\n/);
    expect(events.data).toContain("event: result\n");

    const chart = await client.GET("/v1/runs/{id}/chart.svg", {
      params: { path: { id }, query: { kind: "series" } },
      parseAs: "text",
    });
    expect(chart.data).toContain("Mean latency over time");

    const page = await client.GET("/r/{id}", { params: { path: { id } }, parseAs: "text" });
    expect(page.data).toContain(`<h1>M/M/4 through the generated client, seed 101</h1>`);
  });

  test("a sweep answers with one ordinary run per value", async () => {
    const sweep = await client.POST("/v1/sweeps", {
      body: { scenario: scenario(102, 2_000), path: "components.q.servers", values: [4, 5, 6] },
    });
    expect(sweep.response.status).toBe(201);
    expect(sweep.data!.runs.map((r) => r.value)).toEqual([4, 5, 6]);
    const single = await client.POST("/v1/runs", {
      body: { ...scenario(102, 2_000), components: { q: { type: "station", servers: 5 } } },
    });
    expect(single.data!.id).toBe(sweep.data!.runs[1]!.id);
  });

  test("health and the document itself", async () => {
    const health = await client.GET("/healthz");
    expect(health.data!.status).toBe("ok");
    const doc = await client.GET("/openapi.json");
    expect(doc.response.status).toBe(200);
  });
});

describe("errors through the generated client are the documented problems", () => {
  test("an invalid scenario is 422 with its problems", async () => {
    const bad = { ...scenario(103), components: { q: { type: "station" as const, servers: -4 } } };
    const res = await client.POST("/v1/runs", { body: bad });
    expect(res.response.status).toBe(422);
    expect(res.error!.code).toBe("scenario.invalid");
    expect(res.error!.problems!.map((p) => p.path)).toEqual(["components.q.servers"]);
  });

  test("an unknown run is 404 on every run route", async () => {
    const id = "0123456789abcdef0123";
    const run = await client.GET("/v1/runs/{id}", { params: { path: { id } } });
    expect(run.error!.code).toBe("run.not-found");
    const page = await client.GET("/r/{id}", { params: { path: { id } } });
    expect(page.response.status).toBe(404);
  });

  test("a body that is not JSON is 400; one declared as text is 415", async () => {
    const notJson = await client.POST("/v1/runs", {
      body: scenario(104),
      bodySerializer: () => "{ not json",
    });
    expect(notJson.error!.code).toBe("request.invalid-json");
    const text = await client.POST("/v1/runs", {
      body: scenario(104),
      headers: { "Content-Type": "text/plain" },
    });
    expect(text.response.status).toBe(415);
  });
});

describe("a server that sets API_TOKENS, through the generated client", () => {
  test("without a token the documented 401; with one, the run", async () => {
    const guarded = await startApiServer({ env: { API_TOKENS: "client-test-token-1" } });
    try {
      const document = await (await fetch(`${guarded.url}/openapi.json`)).json();
      const anonymous = createApiClient(guarded.url, { fetch: checkedFetch(document) });
      const refused = await anonymous.POST("/v1/runs", { body: scenario(105) });
      expect(refused.response.status).toBe(401);
      expect(refused.error!.code).toBe("request.token-required");
      const authorised = createApiClient(guarded.url, {
        fetch: checkedFetch(document),
        token: "client-test-token-1",
      });
      const created = await authorised.POST("/v1/runs", { body: scenario(105) });
      expect(created.response.status).toBe(201);
      const read = await anonymous.GET("/v1/runs/{id}", { params: { path: { id: created.data!.id } } });
      expect(read.response.status).toBe(200);
    } finally {
      await guarded.stop("SIGKILL");
      removeDataDir(guarded.dataDir);
    }
  });
});
