// Unit cases through app.request(): statuses, bodies and the OpenAPI coverage, with runs finished by hand.

import { describe, expect, test, vi } from "vitest";
import { quickScenario } from "./support/scenarios";
import { postRequest, testAppForThisTest } from "./support/test-app";

const setup = testAppForThisTest;

describe("runs", () => {
  test("a run goes queued → running → done, and GET shows the stored result verbatim", async () => {
    const { app, executor } = setup();
    const created = await app.request("/v1/runs", postRequest(quickScenario()));
    expect(created.status).toBe(201);
    const { id } = await created.json();
    expect((await (await app.request(`/v1/runs/${id}`)).json()).status).toBe("running");
    const poll = app.request(`/v1/runs/${id}?wait=10`);
    executor.finish(id, { ok: true, resultJson: '{"throughput":3.6,"note":"verbatim"}', wallMs: 12 });
    const run = await (await poll).json();
    expect(run.status).toBe("done");
    expect(run.result).toEqual({ throughput: 3.6, note: "verbatim" });
    expect(run.wallMs).toBe(12);
  });

  test("a done run has a strong ETag; If-None-Match naming it is 304 with no body, an unfinished run has none", async () => {
    const { app, executor } = setup();
    const { id } = await (await app.request("/v1/runs", postRequest(quickScenario()))).json();
    expect((await app.request(`/v1/runs/${id}`)).headers.get("etag")).toBeNull();
    executor.finish(id, { ok: true, resultJson: '{"throughput":3.6}', wallMs: 5 });
    await new Promise((r) => setTimeout(r, 10));
    const first = await app.request(`/v1/runs/${id}`);
    const tag = first.headers.get("etag")!;
    expect(tag).toMatch(/^"[\w-]{22}"$/);
    const body = await first.text();
    // From the kept copy: the same bytes and the same tag.
    const again = await app.request(`/v1/runs/${id}`);
    expect(again.headers.get("etag")).toBe(tag);
    expect(await again.text()).toBe(body);
    for (const header of [tag, `W/${tag}`, `"other", ${tag}`, "*"]) {
      const res = await app.request(`/v1/runs/${id}`, { headers: { "If-None-Match": header } });
      expect(res.status, header).toBe(304);
      expect(res.headers.get("etag")).toBe(tag);
      expect(await res.text()).toBe("");
    }
    const stale = await app.request(`/v1/runs/${id}`, { headers: { "If-None-Match": '"other"' } });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(body);
  });

  test("re-posting a done run's scenario answers 200 done without reading the run's row again", async () => {
    const { app, executor, store } = setup();
    const post = postRequest(quickScenario());
    const { id } = await (await app.request("/v1/runs", post)).json();
    executor.finish(id, { ok: true, resultJson: "{}", wallMs: 1 });
    await new Promise((r) => setTimeout(r, 10));
    const reads = vi.spyOn(store, "get");
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await app.request("/v1/runs", post));
    for (const res of answers) {
      expect(res.status).toBe(200);
      expect(res.headers.get("location")).toBe(`http://localhost/v1/runs/${id}`);
      expect(await res.json()).toMatchObject({ id, status: "done" });
    }
    expect(reads).toHaveBeenCalledTimes(1);
  });

  test("a failed run shows its error; re-posting retries it only when the failure may not recur", async () => {
    const { app, executor } = setup();
    const { id } = await (await app.request("/v1/runs", postRequest(quickScenario()))).json();
    const error = {
      code: "limit.wall-time",
      title: "Too slow",
      message: "The run took over 30 s.",
      hint: "Shorten it.",
    };
    executor.finish(id, { ok: false, error, wallMs: 30_000 });
    await new Promise((r) => setTimeout(r, 10));
    const run = await (await app.request(`/v1/runs/${id}`)).json();
    expect(run.status).toBe("failed");
    expect(run.error).toEqual(error);
    const again = await app.request("/v1/runs", postRequest(quickScenario()));
    expect(again.status).toBe(201);
    expect((await again.json()).status).toBe("queued");
    executor.finish(id, { ok: false, error: { ...error, code: "limit.events" }, wallMs: 5 });
    await new Promise((r) => setTimeout(r, 10));
    expect((await app.request("/v1/runs", postRequest(quickScenario()))).status).toBe(200);
  });

  test("dedupe: the same scenario answers 200 with the same id and queues nothing new", async () => {
    const { app, scheduler } = setup();
    const a = await (await app.request("/v1/runs", postRequest(quickScenario()))).json();
    const b = await app.request("/v1/runs", postRequest(quickScenario()));
    expect(b.status).toBe(200);
    expect((await b.json()).id).toBe(a.id);
    expect(scheduler.pending).toBe(1);
  });

  test("a full queue is 503 with Retry-After, and a sweep that does not fit queues none of its runs", async () => {
    const { app, scheduler } = setup({ runQueueLimit: 2 });
    expect((await app.request("/v1/runs", postRequest(quickScenario(1)))).status).toBe(201);
    const sweep = await app.request(
      "/v1/sweeps",
      postRequest({ scenario: quickScenario(2), path: "seed", values: [5, 6] }),
    );
    expect(sweep.status).toBe(503);
    expect(sweep.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(scheduler.pending).toBe(1);
  });

  test("sweep problems name the offending value", async () => {
    const { app } = setup();
    const res = await app.request(
      "/v1/sweeps",
      postRequest({ scenario: quickScenario(), path: "workload.arrival.rate", values: [1, -2] }),
    );
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.problems.map((p: { path: string }) => p.path)).toEqual(["values[1]"]);
    const bad = await app.request(
      "/v1/sweeps",
      postRequest({ scenario: quickScenario(), values: [], extra: 1 }),
    );
    expect(bad.status).toBe(422);
    expect((await bad.json()).problems.map((p: { path: string }) => p.path).sort()).toEqual([
      "extra",
      "path",
      "values",
    ]);
  });

  test("a sweep path the scenario cannot hold is a problem at `path`, naming where it stops", async () => {
    const { app } = setup();
    const res = await app.request(
      "/v1/sweeps",
      postRequest({ scenario: quickScenario(), path: "components.nowhere.servers", values: [1, 2] }),
    );
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.problems).toHaveLength(1); // the same path problem for both values is listed once
    expect(body.problems[0]).toMatchObject({ path: "path", code: "sweep.path" });
    expect(body.problems[0].message).toContain("components.nowhere");
  });
});

test("PUBLIC_URL fixes the origin of every link, whatever the Host header says", async () => {
  const { app } = setup({ publicUrl: "https://syslab.example.org" });
  const res = await app.request("http://evil.example/v1/runs", postRequest(quickScenario()));
  const { id, links } = await res.json();
  expect(links.share).toBe(`https://syslab.example.org/r/${id}`);
  const html = await (await app.request(`http://evil.example/r/${id}`)).text();
  expect(html).toContain(`<meta property="og:url" content="https://syslab.example.org/r/${id}">`);
  expect(html).not.toContain("evil.example");
});

test("without PUBLIC_URL each request's links name the host it was sent to", async () => {
  const { app } = setup();
  const post = postRequest(quickScenario());
  const { id } = await (await app.request("http://a.example/v1/runs", post)).json();
  for (const origin of [
    "http://a.example",
    "http://b.example:8080",
    "http://a.example",
    "https://a.example",
  ]) {
    const run = await (await app.request(`${origin}/v1/runs/${id}`)).json();
    expect(run.links.self).toBe(`${origin}/v1/runs/${id}`);
    const again = await (await app.request(`${origin}/v1/runs`, post)).json();
    expect(again.links.share).toBe(`${origin}/r/${id}`);
  }
});

describe("errors", () => {
  test("415, 413, 400, 422 and 404 are problem+json", async () => {
    const { app } = setup({ bodyLimit: 1000 });
    const cases: [Response | Promise<Response>, number, string][] = [
      [
        app.request("/v1/runs", postRequest(quickScenario(), "text/plain")),
        415,
        "request.unsupported-media-type",
      ],
      [app.request("/v1/runs", postRequest({ name: "x".repeat(2000) })), 413, "request.too-large"],
      [app.request("/v1/runs", postRequest("{")), 400, "request.invalid-json"],
      [app.request("/v1/runs", postRequest({ version: 1 })), 422, "scenario.invalid"],
      [app.request("/v1/runs/abc"), 404, "run.not-found"],
      [app.request("/nowhere"), 404, "route.not-found"],
    ];
    for (const [pending, status, code] of cases) {
      const res = await pending;
      expect(res.status).toBe(status);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      const body = await res.json();
      expect(body).toMatchObject({ status, code, type: `urn:syslab:error:${code}` });
    }
  });

  test("a chunked body (no Content-Length) is counted: over the limit 413, under it accepted", async () => {
    const { app } = setup({ bodyLimit: 2000 });
    const chunked = (text: string) => {
      const bytes = new TextEncoder().encode(text);
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 500) controller.enqueue(bytes.slice(i, i + 500));
          controller.close();
        },
      });
      return app.request("/v1/runs", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body,
        duplex: "half",
      } as RequestInit);
    };
    const big = await chunked(JSON.stringify({ ...quickScenario(), name: "x".repeat(3000) }));
    expect(big.status).toBe(413);
    const small = await chunked(JSON.stringify(quickScenario()));
    expect(small.status).toBe(201);
  });

  test("a body nested 5,000 deep is 422 naming where, for a run and for a sweep", async () => {
    const { app } = setup();
    const deep = `${"[".repeat(5000)}${"]".repeat(5000)}`;
    const run = await app.request("/v1/runs", postRequest(`{"version":1,"workload":${deep}}`));
    expect(run.status).toBe(422);
    const runProblems = (await run.json()).problems;
    expect(runProblems).toEqual([
      { path: `workload${"[0]".repeat(63)}`, code: "scenario.too-deep", message: expect.any(String) },
    ]);
    const body = `{"scenario":${JSON.stringify(quickScenario())},"path":"seed","values":[${deep}]}`;
    const sweep = await app.request("/v1/sweeps", postRequest(body));
    expect(sweep.status).toBe(422);
    const sweepBody = await sweep.json();
    expect(sweepBody.code).toBe("request.invalid");
    expect(sweepBody.problems.map((p: { path: string; code: string }) => [p.path, p.code])).toEqual([
      [`values${"[0]".repeat(63)}`, "scenario.too-deep"],
    ]);
  });

  test('a sweep through "__proto__" changes nothing outside the scenario', async () => {
    const { app } = setup();
    const body = { scenario: quickScenario(), path: "__proto__.polluted", values: [1] };
    const res = await app.request("/v1/sweeps", postRequest(body));
    expect(res.status).toBe(422);
    expect((await res.json()).problems[0]).toMatchObject({ path: "path", code: "sweep.path" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test("the rate limit answers 429 with Retry-After after RATE_LIMIT requests a minute", async () => {
    const { app } = setup({ rateLimit: 2 });
    expect((await app.request("/v1/runs/abc")).status).toBe(404);
    expect((await app.request("/v1/runs/abc")).status).toBe(404);
    const res = await app.request("/v1/runs/abc");
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await app.request("/healthz")).status).toBe(200);
  });
});

describe("OpenAPI", () => {
  test("every route the app serves is documented, with the same methods", async () => {
    const { app } = setup();
    const doc = await (await app.request("/openapi.json")).json();
    const served = new Set(
      app.routes
        .filter((r) => r.method !== "ALL")
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, "{$1}")}`),
    );
    const documented = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((method) => `${method} ${path}`),
      ),
    );
    expect([...served].sort()).toEqual([...documented].sort());
  });
});
