// Programs through the API: POST /v1/runs accepts a program like a scenario, and its share page
// shows what the explorer found, counterexample included.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { exploreProgram } from "../../../packages/sim-core/src/explorer/explore-program";
import { parseProgram } from "../../../packages/sim-core/src/explorer/parse-program";
import { postRequest, testAppForThisTest } from "../support/test-app";

const lostUpdate = JSON.parse(
  readFileSync(join(import.meta.dirname, "../../../examples/programs/lost-update.json"), "utf8"),
);

const setup = () => testAppForThisTest();

function explored(): string {
  const parsed = parseProgram(lostUpdate);
  if (!parsed.ok) throw new Error("the example should parse");
  return JSON.stringify(exploreProgram(parsed.program));
}

describe("programs over HTTP", () => {
  test("a program is accepted (201), the same program again answers 200 with the same id", async () => {
    const { app } = setup();
    const created = await app.request("/v1/runs", postRequest(lostUpdate));
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body.id).toMatch(/\S/);
    expect(body.links.share).toContain(`/r/${body.id}`);
    const again = await app.request("/v1/runs", postRequest({ ...lostUpdate }));
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe(body.id);
  });

  test("an invalid program is a 422 problem listing each problem with its path", async () => {
    const { app } = setup();
    const bad = { ...lostUpdate, threads: [{ name: "A", steps: [{ lod: "counter", into: "r" }] }] };
    const response = await app.request("/v1/runs", postRequest(bad));
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const problem = await response.json();
    expect(problem.problems).toEqual([
      expect.objectContaining({ path: "threads[0].steps[0]", code: "program.step" }),
    ]);
  });

  test("the share page of an explored program shows its outcomes and the counterexample", async () => {
    const { app, executor } = setup();
    const { id } = await (await app.request("/v1/runs", postRequest(lostUpdate))).json();
    executor.finish(id, { ok: true, resultJson: explored(), wallMs: 3 });
    await new Promise((r) => setTimeout(r, 10));
    const run = await (await app.request(`/v1/runs/${id}`)).json();
    expect(run.result.outcomes.map((o: { shared: { counter: number } }) => o.shared.counter)).toEqual([1, 2]);
    const page = await app.request(`/r/${id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("<h1>Lost update</h1>");
    expect(html).toContain("counter = 1");
    expect(html).toContain("final · 1 preemption");
    expect(html).toContain("<strong>B</strong> load counter → r = 0 <em>(preempts)</em>");
    expect(html).toContain(
      'content="4 executions, 2 outcomes, violations: final, data-race — explored with syslab."',
    );
    const chart = await app.request(`/v1/runs/${id}/chart.svg`);
    expect(chart.status).toBe(200);
    expect(await chart.text()).toContain("explored a program");
  });
});
