// End to end through HTTP: the real server on 127.0.0.1 with a temporary data folder.

import { parseScenario, scenarioHash } from "@syslab/sim-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  type ApiServer,
  killAllServers,
  postJson,
  removeDataDir,
  startApiServer,
  waitUntil,
} from "./support/api-server";
import { longScenario, quickScenario } from "./support/scenarios";

let server: ApiServer;

beforeAll(async () => {
  server = await startApiServer({ env: { BODY_LIMIT: "65536" } });
});

afterAll(async () => {
  await killAllServers();
  removeDataDir(server.dataDir);
});

async function readEvents(url: string): Promise<{ event: string; data: string }[]> {
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
  // Proxies that honour it (nginx) pass events on as they come.
  expect(res.headers.get("x-accel-buffering")).toBe("no");
  const text = await res.text(); // the server ends the stream after the result
  return text
    .split("\n\n")
    .filter((block) => block.includes("event:"))
    .map((block) => ({
      event: /^event: (.*)$/m.exec(block)![1]!,
      data: /^data: (.*)$/m.exec(block)![1]!,
    }));
}

describe("runs", () => {
  test("POST /v1/runs creates a run, 201 with id, status and absolute links", async () => {
    const res = await postJson(`${server.url}/v1/runs`, quickScenario(1));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.id).toMatch(/^[0-9a-f]{20}$/);
    expect(["queued", "running", "done"]).toContain(body.status);
    expect(body.links).toEqual({
      self: `${server.url}/v1/runs/${body.id}`,
      events: `${server.url}/v1/runs/${body.id}/events`,
      share: `${server.url}/r/${body.id}`,
      chart: `${server.url}/v1/runs/${body.id}/chart.svg`,
    });
    expect(res.headers.get("location")).toBe(body.links.self);
  });

  test("the same scenario, written differently, answers 200 with the same run", async () => {
    const first = await (await postJson(`${server.url}/v1/runs`, quickScenario(2))).json();
    const rewritten = { ...quickScenario(2) } as Record<string, unknown>;
    // Same meaning: keys in another order and the service time as a number of seconds.
    const reordered = Object.fromEntries(Object.entries(rewritten).reverse());
    (reordered.workload as { requests: unknown[] }).requests = [
      { name: "job", steps: [{ service: { exp: 1 } }] },
    ];
    const again = await postJson(`${server.url}/v1/runs`, reordered);
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe(first.id);
    const other = await postJson(`${server.url}/v1/runs`, quickScenario(3));
    expect(other.status).toBe(201);
    expect((await other.json()).id).not.toBe(first.id);
  });

  test("GET ?wait= long-polls until the run is done and returns the result", async () => {
    const input = quickScenario(4);
    const { id } = await (await postJson(`${server.url}/v1/runs`, input)).json();
    const res = await fetch(`${server.url}/v1/runs/${id}?wait=30`);
    expect(res.status).toBe(200);
    const run = await res.json();
    expect(run.status).toBe("done");
    const parsed = parseScenario(input);
    if (!parsed.ok) throw new Error("test scenario invalid");
    expect(run.result.scenarioHash).toBe(scenarioHash(parsed.scenario));
    expect(run.scenarioHash).toBe(run.result.scenarioHash);
    expect(run.result.requests.completed).toBeGreaterThan(0);
    expect(typeof run.wallMs).toBe("number");
    expect(Date.parse(run.finishedAt)).toBeGreaterThanOrEqual(Date.parse(run.createdAt));
  });

  test("a long poll on an unfinished run returns its status when the wait runs out", async () => {
    const { id } = await (await postJson(`${server.url}/v1/runs`, longScenario(31, 1_000_000))).json();
    const run = await (await fetch(`${server.url}/v1/runs/${id}?wait=0.1`)).json();
    expect(["queued", "running"]).toContain(run.status);
    expect(run.result).toBeUndefined();
    const done = await (await fetch(`${server.url}/v1/runs/${id}?wait=60`)).json();
    expect(done.status).toBe("done");
  });

  test("GET /v1/runs/:id/events streams progress and ends with the result", async () => {
    const { id } = await (await postJson(`${server.url}/v1/runs`, longScenario(5, 1_500_000))).json();
    const events = await readEvents(`${server.url}/v1/runs/${id}/events`);
    expect(events[0]!.event).toBe("status");
    const progress = events.filter((e) => e.event === "progress").map((e) => JSON.parse(e.data));
    expect(progress.length).toBeGreaterThan(0);
    for (const p of progress) {
      expect(p.percent).toBeGreaterThanOrEqual(0);
      expect(p.percent).toBeLessThanOrEqual(100);
      expect(p.events).toBeGreaterThan(0);
      expect(p.simulatedTime).toBeGreaterThan(0);
    }
    const last = events[events.length - 1]!;
    expect(last.event).toBe("result");
    const run = JSON.parse(last.data);
    expect(run.status).toBe("done");
    expect(run.result.requests.completed).toBeGreaterThan(0);
  });

  test("the event stream of a finished run sends the result at once", async () => {
    const { id } = await (await postJson(`${server.url}/v1/runs`, quickScenario(1))).json();
    await fetch(`${server.url}/v1/runs/${id}?wait=30`);
    const events = await readEvents(`${server.url}/v1/runs/${id}/events`);
    expect(events.map((e) => e.event)).toEqual(["status", "result"]);
  });

  test("POST /v1/sweeps creates one ordinary run per value", async () => {
    const res = await postJson(`${server.url}/v1/sweeps`, {
      scenario: quickScenario(6, 5000),
      path: "workload.arrival.rate",
      values: [1, 2, 3],
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.runs).toHaveLength(3);
    expect(body.runs.map((r: { value: number }) => r.value)).toEqual([1, 2, 3]);
    expect(new Set(body.runs.map((r: { id: string }) => r.id)).size).toBe(3);
    // Each is a normal run: the same scenario posted alone finds it.
    const single = await postJson(`${server.url}/v1/runs`, {
      ...quickScenario(6, 5000),
      workload: { ...quickScenario(6, 5000).workload, arrival: { process: "poisson", rate: 2 } },
    });
    expect(single.status).toBe(200);
    expect((await single.json()).id).toBe(body.runs[1].id);
  });
});

describe("share page and charts", () => {
  test("GET /r/:id is HTML with the name, key numbers, SVG charts and preview meta tags", async () => {
    const input = { ...quickScenario(8), name: 'Queue <"demo"> & co' };
    const { id } = await (await postJson(`${server.url}/v1/runs`, input)).json();
    await fetch(`${server.url}/v1/runs/${id}?wait=30`);
    const res = await fetch(`${server.url}/r/${id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain("<h1>Queue &lt;&quot;demo&quot;&gt; &amp; co</h1>");
    expect(html).not.toContain('<"demo">');
    expect(html).toMatch(/<meta property="og:title" content="Queue &lt;&quot;demo&quot;&gt; &amp; co">/);
    expect(html).toContain(`<meta property="og:url" content="${server.url}/r/${id}">`);
    expect(html).toMatch(/<meta property="og:description" content="[^"]*req\/s/);
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(html).toContain(`<meta property="og:image" content="${server.url}/r/${id}/card.png">`);
    expect(html).toContain(`href="${server.url}/v1/runs/${id}"`);
    expect(html).toMatch(/<dt>p99 latency<\/dt><dd>[\d.]+ (s|ms|µs)<\/dd>/);
    expect(html.match(/<svg [^>]*role="img"/g)?.length).toBeGreaterThanOrEqual(2);
    expect(html).toContain("Latency percentiles");
    expect(html).not.toContain('http-equiv="refresh"');
  });

  test("GET /v1/runs/:id/chart.svg serves the chart alone", async () => {
    const { id } = await (await postJson(`${server.url}/v1/runs`, quickScenario(8))).json();
    await fetch(`${server.url}/v1/runs/${id}?wait=30`);
    const res = await fetch(`${server.url}/v1/runs/${id}/chart.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    const svg = await res.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain("<title");
    expect(svg).toMatch(/<\/svg>$/);
    const series = await (await fetch(`${server.url}/v1/runs/${id}/chart.svg?kind=series`)).text();
    expect(series).toContain("Mean latency over time");
  });
});

describe("documents", () => {
  test("GET /openapi.json is OpenAPI 3.1 with the scenario or program schema as the request body", async () => {
    const res = await fetch(`${server.url}/openapi.json`);
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        "/healthz",
        "/metrics",
        "/openapi.json",
        "/r/assets/topology-animation.js",
        "/r/assets/topology-frames.js",
        "/r/assets/topology-player.js",
        "/r/{id}",
        "/r/{id}/card.png",
        "/readyz",
        "/v1/comparisons",
        "/v1/comparisons/{id}",
        "/v1/runs",
        "/v1/runs/{id}",
        "/v1/runs/{id}/chart.svg",
        "/v1/runs/{id}/events",
        "/v1/runs/{id}/trace.json",
        "/v1/sweeps",
      ].sort(),
    );
    // A run is a scenario or a program: the body is one of the two documents.
    expect(doc.paths["/v1/runs"].post.requestBody.content["application/json"].schema.$ref).toBe(
      "#/components/schemas/Document",
    );
    expect(doc.components.schemas.Document.oneOf).toEqual([
      { $ref: "#/components/schemas/Scenario" },
      { $ref: "#/components/schemas/Program" },
    ]);
    expect(doc.components.schemas.Scenario.properties.workload).toBeDefined();
    // Every internal reference resolves inside the document.
    const refs: string[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        for (const [k, v] of Object.entries(node)) {
          if (k === "$ref" && typeof v === "string") refs.push(v);
          else walk(v);
        }
      }
    };
    walk(doc);
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) {
      expect(ref.startsWith("#/")).toBe(true);
      let target: unknown = doc;
      for (const part of ref.slice(2).split("/")) {
        target = (target as Record<string, unknown>)[part.replace(/~1/g, "/").replace(/~0/g, "~")];
      }
      expect(target, ref).toBeTypeOf("object");
    }
  });

  test("GET /healthz answers", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe("ok");
  });
});

describe("errors are application/problem+json", () => {
  async function problem(res: Response, status: number) {
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const body = await res.json();
    expect(body.status).toBe(status);
    expect(body.type).toMatch(/^urn:syslab:error:/);
    expect(typeof body.title).toBe("string");
    expect(typeof body.detail).toBe("string");
    return body;
  }

  test("an invalid scenario is 422 and lists every problem with its path", async () => {
    const body = await problem(
      await postJson(`${server.url}/v1/runs`, { version: 2, seed: 1, run: { requests: 10 }, entry: "q" }),
      422,
    );
    expect(body.code).toBe("scenario.invalid");
    const paths = body.problems.map((p: { path: string }) => p.path);
    expect(paths).toContain("version");
    expect(paths).toContain("workload");
    expect(paths).toContain("components");
    for (const p of body.problems) expect(typeof p.message).toBe("string");
  });

  test("a body that is not JSON is 400", async () => {
    const res = await fetch(`${server.url}/v1/runs`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{ not json",
    });
    expect((await problem(res, 400)).code).toBe("request.invalid-json");
  });

  test("an unknown run id is 404, on every run route", async () => {
    for (const path of [
      "/v1/runs/0123456789abcdef0123",
      "/v1/runs/nope/events",
      "/r/nope",
      "/v1/runs/nope/chart.svg",
    ]) {
      expect((await problem(await fetch(server.url + path), 404)).code).toBe("run.not-found");
    }
    expect((await problem(await fetch(`${server.url}/v1/nothing-here`), 404)).code).toBe("route.not-found");
  });

  test("a body that is not declared as JSON is 415", async () => {
    const res = await fetch(`${server.url}/v1/runs`, {
      method: "POST",
      headers: { "Content-Type": "text/plain" },
      body: JSON.stringify(quickScenario()),
    });
    expect((await problem(res, 415)).code).toBe("request.unsupported-media-type");
  });

  test("a body over BODY_LIMIT is 413", async () => {
    const res = await postJson(`${server.url}/v1/runs`, { ...quickScenario(), name: "x".repeat(70_000) });
    expect((await problem(res, 413)).code).toBe("request.too-large");
  });

  test("a chunked body over BODY_LIMIT gets its 413 while still sending, not a reset connection", async () => {
    const bytes = new TextEncoder().encode(
      JSON.stringify({ ...quickScenario(), name: "x".repeat(2_000_000) }),
    );
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${server.url}/v1/runs`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: new ReadableStream({
          start(controller) {
            for (let at = 0; at < bytes.length; at += 65_536)
              controller.enqueue(bytes.subarray(at, at + 65_536));
            controller.close();
          },
        }),
        duplex: "half",
      } as RequestInit);
      expect((await problem(res, 413)).code).toBe("request.too-large");
    }
  });

  test("a bad ?wait= is 400", async () => {
    const { id } = await (await postJson(`${server.url}/v1/runs`, quickScenario(1))).json();
    expect((await problem(await fetch(`${server.url}/v1/runs/${id}?wait=soon`), 400)).code).toBe(
      "request.invalid-query",
    );
  });
});

describe("limits", () => {
  test("per-run limits, a full run queue (503) and the rate limit (429) follow the environment", async () => {
    const limited = await startApiServer({
      env: { RUN_QUEUE_LIMIT: "1", RATE_LIMIT: "6", SYSLAB_MAX_EVENTS: "1000000" },
    });
    try {
      const long = await postJson(`${limited.url}/v1/runs`, longScenario(41, 2_000_000)); // request 1
      expect(long.status).toBe(201);
      const { id } = await long.json();
      const full = await postJson(`${limited.url}/v1/runs`, quickScenario(42)); // 2
      expect(full.status).toBe(503);
      expect(full.headers.get("content-type")).toBe("application/problem+json");
      expect(Number(full.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect((await full.json()).code).toBe("runs.queue-full");

      // About four million events against a limit of one million: the run fails, saying why.
      const failed = await (await fetch(`${limited.url}/v1/runs/${id}?wait=60`)).json(); // 3
      expect(failed.status).toBe("failed");
      expect(failed.error.code).toBe("limit.events");
      expect(failed.error.message).toMatch(/1,?000,?000/);
      expect(failed.result).toBeUndefined();
      const events = await readEvents(`${limited.url}/v1/runs/${id}/events`); // 4
      expect(events.map((e) => e.event)).toEqual(["status", "failed"]);
      expect(JSON.parse(events[1]!.data).error.code).toBe("limit.events");

      await fetch(`${limited.url}/v1/runs/0123456789abcdef0123`); // 5
      await fetch(`${limited.url}/v1/runs/0123456789abcdef0123`); // 6
      const limitedRes = await fetch(`${limited.url}/v1/runs/0123456789abcdef0123`); // 7
      expect(limitedRes.status).toBe(429);
      expect(Number(limitedRes.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect((await limitedRes.json()).code).toBe("request.rate-limited");
      // Health checks are not rate limited.
      expect((await fetch(`${limited.url}/healthz`)).status).toBe(200);
    } finally {
      await limited.stop("SIGKILL");
      removeDataDir(limited.dataDir);
    }
  });

  test("an overloaded scenario fails on the in-flight limit instead of filling the worker's heap", async () => {
    // λ = 8 against 4 servers of rate 1: the queue grows by about 4 requests a second, for ever.
    const overloaded = quickScenario(43, 10_000_000);
    overloaded.workload.arrival.rate = 8;
    const { id } = await (await postJson(`${server.url}/v1/runs`, overloaded)).json();
    const run = await (await fetch(`${server.url}/v1/runs/${id}?wait=60`)).json();
    expect(run.status).toBe("failed");
    expect(run.error.code).toBe("limit.in-flight");
    expect(run.error.message).toContain("More than 200000 requests were in the system at once");
    expect(run.error.hint).toContain("maxInFlight");
  });

  test("GET /healthz answers while a long run executes", async () => {
    const { id } = await (await postJson(`${server.url}/v1/runs`, longScenario(12, 2_000_000))).json();
    await waitUntil(
      async () =>
        (await (await fetch(`${server.url}/v1/runs/${id}`)).json()).status === "running" ? true : undefined,
      30_000,
      "the long run to start",
    );
    const started = performance.now();
    const res = await fetch(`${server.url}/healthz`);
    const elapsed = performance.now() - started;
    expect(res.status).toBe(200);
    const health = await res.json();
    expect(health.runs.running).toBe(1);
    // Generous: the point is that it answers at all while the worker is busy.
    expect(elapsed).toBeLessThan(2000);
    const run = await (await fetch(`${server.url}/v1/runs/${id}`)).json();
    expect(run.status).toBe("running");
    expect(run.progress?.percent ?? 0).toBeLessThan(100);
  });

  test("a queued run's share page shows its status and refreshes", async () => {
    // The pool has one worker and the long run above occupies it, so this run waits in the queue.
    const { id } = await (await postJson(`${server.url}/v1/runs`, quickScenario(14))).json();
    const html = await (await fetch(`${server.url}/r/${id}`)).text();
    expect(html).toContain('<noscript><meta http-equiv="refresh" content="2"></noscript>');
    expect(html).toMatch(/This run is (queued|running)/);
    const placeholder = await (await fetch(`${server.url}/v1/runs/${id}/chart.svg`)).text();
    expect(placeholder).toMatch(/is (queued|running)/);
  });
});
