// POST /v1/comparisons and GET /v1/comparisons/:id through app.request(): statuses, bodies, long
// polling, and problem+json errors that name the side and the field. The executor here is manual;
// each comparison is finished with what the API's worker computes for the stored document.

import { parseDocument, runDocument } from "@syslab/sim-core";
import { describe, expect, test } from "vitest";
import type { ManualExecutor } from "./support/manual-executor";
import { quickScenario } from "./support/scenarios";
import { postRequest, testAppForThisTest } from "./support/test-app";

const setup = () => testAppForThisTest();

const side = (servers: number) => ({
  ...quickScenario(7, 2000),
  run: { requests: 2000, replications: 3 },
  components: { q: { type: "station", servers } },
});

/** Finishes comparison `id` with what the worker computes: runDocument over the stored input. */
function finishWithRealRun(executor: ManualExecutor, id: string): unknown {
  const pending = executor.pending.get(id)!;
  const parsed = parseDocument(JSON.parse(pending.task.input));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const { output } = runDocument(parsed.document);
  executor.finish(id, { ok: true, resultJson: JSON.stringify(output), wallMs: 5 });
  return output;
}

describe("POST /v1/comparisons", () => {
  test("201 with an id and a link; long-polling GET gives { a, b, difference }; the same pair again is 200", async () => {
    const { app, executor } = setup();
    const body = { name: "4 or 5 servers", a: side(4), b: side(5) };
    const created = await app.request("/v1/comparisons", postRequest(body));
    expect(created.status).toBe(201);
    const summary = await created.json();
    expect(summary).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{20}$/),
      status: "queued",
      name: "4 or 5 servers",
      links: { self: expect.stringMatching(new RegExp(`/v1/comparisons/${summary.id}$`)) },
    });
    expect(created.headers.get("Location")).toBe(summary.links.self);

    const poll = app.request(`/v1/comparisons/${summary.id}?wait=10`);
    const output = finishWithRealRun(executor, summary.id) as { difference: { latency: { mean: unknown } } };
    const read = await poll;
    expect(read.status).toBe(200);
    const comparison = await read.json();
    expect(comparison.status).toBe("done");
    expect(comparison.links).toEqual({ self: summary.links.self });
    expect(Object.keys(comparison.result)).toEqual(["a", "b", "difference"]);
    expect(comparison.result.difference.latency.mean).toEqual(output.difference.latency.mean);
    // A fifth server shortens the wait: b − a < 0.
    const { value, ci95 } = comparison.result.difference.latency.mean;
    expect(value).toBeLessThan(0);
    expect(ci95[0]).toBeLessThan(value);
    expect(comparison.result.a.replications.seeds).toEqual(comparison.result.b.replications.seeds);

    // Its share page and chart (both sides; test/api/share/share-page-comparison.test.ts) are served.
    expect((await app.request(`/r/${summary.id}`)).status).toBe(200);
    expect((await app.request(`/v1/runs/${summary.id}/chart.svg`)).status).toBe(200);

    const again = await app.request("/v1/comparisons", postRequest(body));
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe(summary.id);
  });

  test("a side that does not validate is 422 problem+json, each problem's path starting with its side", async () => {
    const { app } = setup();
    const response = await app.request(
      "/v1/comparisons",
      postRequest({ a: { ...side(4), entry: "nope" }, b: { ...side(5), run: { requests: 0 } } }),
    );
    expect(response.status).toBe(422);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
    const problem = await response.json();
    expect(problem.code).toBe("scenario.invalid");
    const paths = problem.problems.map((p: { path: string }) => p.path);
    expect(paths).toContain("a.entry");
    expect(paths).toContain("b.run.requests");
    for (const p of problem.problems) expect(p.message).toMatch(/^In scenario [ab]: /);
  });

  test("a body without both sides, or with other fields, is 422 naming the field", async () => {
    const { app } = setup();
    const response = await app.request("/v1/comparisons", postRequest({ a: side(4), c: side(5) }));
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(problem.code).toBe("request.invalid");
    expect(problem.problems.map((p: { path: string }) => p.path)).toEqual(["c", "b"]);
    const notObject = await app.request("/v1/comparisons", postRequest([1, 2]));
    expect(notObject.status).toBe(422);
  });

  test("a precision target on a side is refused: the replications are paired, one count for both", async () => {
    const { app } = setup();
    const precise = {
      ...side(5),
      run: { requests: 2000, precision: { metric: "throughput", relative: 0.1 } },
    };
    const response = await app.request("/v1/comparisons", postRequest({ a: side(4), b: precise }));
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(problem.problems).toEqual([
      {
        path: "b.run.precision",
        code: "comparison.precision",
        message: expect.stringMatching(/^In scenario b: /),
      },
    ]);
  });

  test("GET of an unknown id, or of a run that is not a comparison, is 404 problem+json", async () => {
    const { app } = setup();
    const missing = await app.request("/v1/comparisons/0123456789abcdef0123");
    expect(missing.status).toBe(404);
    expect((await missing.json()).code).toBe("comparison.not-found");
    const { id } = await (await app.request("/v1/runs", postRequest(quickScenario()))).json();
    const run = await app.request(`/v1/comparisons/${id}`);
    expect(run.status).toBe(404);
    const badWait = await app.request(`/v1/comparisons/${id}?wait=-1`);
    expect(badWait.status).toBe(400);
  });
});
