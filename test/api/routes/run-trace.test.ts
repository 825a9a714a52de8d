// GET /v1/runs/:id/trace.json through app.request(): a traced run's trace as Chrome Trace Event JSON
// (the CLI's exporter), and problem+json 404s that say why there is no trace.

import { chromeTrace, parseDocument, runDocument } from "@syslab/sim-core";
import { describe, expect, test } from "vitest";
import { checkChromeTrace } from "../../sim-core/support/chrome-trace";
import type { ManualExecutor } from "../support/manual-executor";
import { quickScenario } from "../support/scenarios";
import { postRequest, testAppForThisTest } from "../support/test-app";

const traced = { ...quickScenario(3, 500), run: { requests: 500, trace: { sample: 1, max: 200 } } };

/** Finishes run `id` with what the worker computes for its stored input, and waits until it is stored. */
async function finishWithRealRun(app: ReturnType<typeof testAppForThisTest>, id: string) {
  const executor: ManualExecutor = app.executor;
  const parsed = parseDocument(JSON.parse(executor.pending.get(id)!.task.input));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const { output } = runDocument(parsed.document);
  executor.finish(id, { ok: true, resultJson: JSON.stringify(output), wallMs: 5 });
  expect((await (await app.app.request(`/v1/runs/${id}?wait=10`)).json()).status).toBe("done");
  return output as { trace?: Parameters<typeof chromeTrace>[0] };
}

async function submit(t: ReturnType<typeof testAppForThisTest>, scenario: unknown): Promise<string> {
  const created = await t.app.request("/v1/runs", postRequest(scenario));
  expect(created.status).toBe(201);
  return (await created.json()).id;
}

async function problem(response: Response) {
  expect(response.status).toBe(404);
  expect(response.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
  return response.json();
}

describe("GET /v1/runs/:id/trace.json", () => {
  test("a traced run's trace is the CLI's Chrome Trace Event export of its result's trace", async () => {
    const t = testAppForThisTest();
    const id = await submit(t, traced);
    const output = await finishWithRealRun(t, id);
    const response = await t.app.request(`/v1/runs/${id}/trace.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    const body = await response.json();
    expect(body).toEqual(chromeTrace(output.trace!));
    checkChromeTrace(body);
    // Every one of the 500 measured requests was sampled; the reservoir keeps 200, one async span each.
    expect(body.traceEvents.filter((e: { ph: string }) => e.ph === "b")).toHaveLength(200);
    expect(body.traceEvents.filter((e: { ph: string }) => e.ph === "X").length).toBeGreaterThanOrEqual(200);
  });

  test("404 run.not-found for an unknown id", async () => {
    const { app } = testAppForThisTest();
    const body = await problem(await app.request("/v1/runs/0123456789abcdef0123/trace.json"));
    expect(body.code).toBe("run.not-found");
  });

  test("404 run.trace-not-found while the run is unfinished, and when its scenario records no trace", async () => {
    const t = testAppForThisTest();
    const id = await submit(t, traced);
    const unfinished = await problem(await t.app.request(`/v1/runs/${id}/trace.json`));
    expect(unfinished).toMatchObject({
      code: "run.trace-not-found",
      detail: `The run "${id}" has not finished yet; its trace is written when it does.`,
    });

    const plain = await submit(t, quickScenario(3, 500));
    await finishWithRealRun(t, plain);
    const untraced = await problem(await t.app.request(`/v1/runs/${plain}/trace.json`));
    expect(untraced).toMatchObject({
      code: "run.trace-not-found",
      detail: `The run "${plain}" recorded no trace: its scenario has no run.trace.`,
    });
    expect(untraced.hint).toContain('"trace": { "sample": 0.01 }');
  });

  test("404 run.trace-not-found for a run that failed", async () => {
    const t = testAppForThisTest();
    const id = await submit(t, traced);
    const error = { code: "limit.wall", title: "Too long", message: "It ran too long.", hint: "Shorten it." };
    t.executor.finish(id, { ok: false, error, wallMs: 30_000 });
    expect((await (await t.app.request(`/v1/runs/${id}?wait=10`)).json()).status).toBe("failed");
    const body = await problem(await t.app.request(`/v1/runs/${id}/trace.json`));
    expect(body).toMatchObject({
      code: "run.trace-not-found",
      detail: `The run "${id}" failed, so it recorded no trace.`,
    });
  });
});
