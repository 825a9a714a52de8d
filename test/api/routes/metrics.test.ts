// GET /metrics: Prometheus text with runs by status from the store, run durations and Node's own.

import { expect, test } from "vitest";
import { quickScenario } from "../support/scenarios";
import { postRequest, testAppForThisTest } from "../support/test-app";

const setup = () => testAppForThisTest();

/** The value of one sample line, e.g. `syslab_runs{status="done"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

test("runs by status, run durations by outcome, the store's health and process metrics", async () => {
  const { app, executor } = setup();
  const post = async (seed: number) =>
    (await (await app.request("/v1/runs", postRequest(quickScenario(seed)))).json()).id;
  const done = await post(1);
  const failed = await post(2);
  await post(3); // left running
  executor.finish(done, { ok: true, resultJson: "{}", wallMs: 1500 });
  executor.finish(failed, {
    ok: false,
    error: { code: "limit.events", title: "t", message: "m", hint: "h" },
    wallMs: 250,
  });
  await new Promise((r) => setTimeout(r, 20));

  const res = await app.request("/metrics");
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
  const text = await res.text();
  expect(sample(text, 'syslab_runs{status="queued"}')).toBe(0);
  expect(sample(text, 'syslab_runs{status="running"}')).toBe(1);
  expect(sample(text, 'syslab_runs{status="done"}')).toBe(1);
  expect(sample(text, 'syslab_runs{status="failed"}')).toBe(1);
  expect(sample(text, "syslab_store_up")).toBe(1);
  expect(sample(text, 'syslab_run_duration_seconds_count{outcome="done"}')).toBe(1);
  expect(sample(text, 'syslab_run_duration_seconds_sum{outcome="done"}')).toBe(1.5);
  // 1.5 s falls in the 2.5 s bucket, not the 1 s one.
  expect(sample(text, 'syslab_run_duration_seconds_bucket{le="1",outcome="done"}')).toBe(0);
  expect(sample(text, 'syslab_run_duration_seconds_bucket{le="2.5",outcome="done"}')).toBe(1);
  expect(sample(text, 'syslab_run_duration_seconds_sum{outcome="failed"}')).toBe(0.25);
  expect(sample(text, "process_cpu_user_seconds_total")).toBeGreaterThan(0);
  expect(text).toContain("# TYPE syslab_http_request_duration_seconds histogram");
  // Every line is a comment or `name{labels} value`.
  for (const line of text.split("\n").filter(Boolean)) {
    // prom-client spells NaN "Nan"; Prometheus parses it case-insensitively.
    expect(line).toMatch(
      /^(# (HELP|TYPE) \w+ .+|\w+(\{[^}]*\})? -?[\d.e+-]+|\w+(\{[^}]*\})? (NaN|Nan|[+-]Inf))$/,
    );
  }
});

test("when the store cannot be read, the run counts are left out and syslab_store_up is 0", async () => {
  const { app, store } = setup();
  await store.close();
  const text = await (await app.request("/metrics")).text();
  expect(sample(text, "syslab_store_up")).toBe(0);
  expect(text).not.toMatch(/^syslab_runs\{/m);
});
