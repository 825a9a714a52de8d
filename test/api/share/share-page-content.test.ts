// What a share page tells the person who receives the link: the scenario summarised and as JSON,
// every component's figures (whatever its kind), the failures by kind, the engine version, the
// playground link that carries the scenario, and the lines that run it again; and its card image.
import { parseDocument, runDocument } from "@syslab/sim-core";
import sharp from "sharp";
import { beforeEach, describe, expect, test } from "vitest";
import { scenarioFromFragment } from "../../../apps/docs/src/scripts/playground-fragment";
import { quickScenario } from "../support/scenarios";
import { postRequest, testAppForThisTest } from "../support/test-app";

/** A web server calling a pool in front of a database: three kinds, and calls to follow. */
const pooled = {
  version: 1,
  name: "web → pool → db",
  seed: 21,
  run: { requests: 3000, warmup: 300 },
  workload: {
    arrival: { process: "poisson", rate: 200 },
    requests: [
      { name: "page", weight: 3, steps: [{ cpu: "1ms" }, { call: "bouncer", hold: { exp: "4ms" } }] },
      { name: "report", timeout: "2s", steps: [{ cpu: "3ms" }, { io: "20ms" }] },
    ],
  },
  entry: "web",
  components: {
    web: { type: "server", cores: 2, architecture: { kind: "thread-pool", threads: 16 } },
    bouncer: { type: "pool", size: 4, target: "db" },
    db: { type: "station", servers: 4 },
  },
};

let t: ReturnType<typeof testAppForThisTest>;

beforeEach(() => {
  t = testAppForThisTest();
});

/** The parts of a result a test changes: kinds and failure keys the engine may add later. */
interface EditableResult {
  components: Record<string, unknown>;
  requests: { arrived: number; failed: Record<string, number> };
}

/** Creates the run and finishes it with the engine's result, changed by `edit` when given. */
async function finishedRun(scenario: unknown, edit?: (result: EditableResult) => void): Promise<string> {
  const created = await t.app.request("/v1/runs", postRequest(scenario));
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const parsed = parseDocument(scenario);
  if (!parsed.ok) throw new Error("invalid test scenario");
  const result = runDocument(parsed.document).output as unknown as EditableResult;
  edit?.(result);
  await new Promise((resolve) => setTimeout(resolve, 0));
  t.executor.finish(id, { ok: true, resultJson: JSON.stringify(result), wallMs: 3 });
  for (let i = 0; i < 100; i++) {
    const run = (await (await t.app.request(`/v1/runs/${id}`)).json()) as { status: string };
    if (run.status === "done") return id;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("the run did not finish");
}

async function page(id: string): Promise<string> {
  const res = await t.app.request(`http://syslab.test/r/${id}`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/html/);
  return res.text();
}

describe("a finished run's share page", () => {
  test("summarises the topology: the workload, the entry, each component's kind, settings and calls", async () => {
    const html = await page(await finishedRun(pooled));
    expect(html).toContain('<h2 id="scenario-title">What was simulated</h2>');
    expect(html).toContain("Poisson arrivals at 200/s, entering at <strong>web</strong>.");
    expect(html).toContain("Measured over 3,000 requests (after a warm-up of 300 requests), seed 21.");
    expect(html).toContain(
      "<li><strong>page</strong> (75% of requests): cpu 1 ms → call bouncer (held exponential, mean 4 ms)</li>",
    );
    expect(html).toContain(
      "<li><strong>report</strong> (25% of requests): cpu 3 ms → io 20 ms; times out after 2 s</li>",
    );
    // Calls from request steps (web → bouncer) and from settings that name a component (bouncer → db).
    expect(html).toContain(
      '<tr><th scope="row">web (entry)</th><td>server</td><td>cores 2; architecture: kind thread-pool, threads 16</td><td>bouncer</td></tr>',
    );
    expect(html).toContain(
      '<tr><th scope="row">bouncer</th><td>pool</td><td>size 4; target db</td><td>db</td></tr>',
    );
    expect(html).toContain('<tr><th scope="row">db</th><td>station</td><td>servers 4</td><td>—</td></tr>');
  });

  test("shows the scenario as submitted, as JSON to copy", async () => {
    const html = await page(await finishedRun(pooled));
    const json = /<pre tabindex="0" data-scenario-json><code>([\s\S]*?)<\/code><\/pre>/.exec(html)?.[1];
    const unescaped = json!
      .replaceAll("&quot;", '"')
      .replaceAll("&gt;", ">")
      .replaceAll("&lt;", "<")
      .replaceAll("&amp;", "&");
    expect(JSON.parse(unescaped)).toEqual(pooled);
  });

  test("shows every component's figures, a kind it has never heard of included", async () => {
    const id = await finishedRun(pooled, (result) => {
      result.components.edge = { type: "cache", hits: 1234, hitRatio: 0.25, evictions: { lru: 7 } };
    });
    const html = await page(id);
    for (const [name, kind] of [
      ["web", "server"],
      ["bouncer", "pool"],
      ["db", "station"],
      ["edge", "cache"],
    ])
      expect(html).toContain(`>${name} <span class="kind">${kind}</span></h3>`);
    // A server's own figures: its CPU split between useful work and switching, its context switches.
    expect(html).toMatch(/<code>cpu\.switching<\/code><\/th><td class="num">[\d.]+%<\/td>/);
    expect(html).toMatch(/<code>contextSwitches<\/code><\/th><td class="num">[\d,]+<\/td>/);
    // A pool's connections in use.
    expect(html).toMatch(/<code>inUse\.mean<\/code><\/th><td class="num">[\d.]+<\/td>/);
    // The unknown kind, read generically.
    expect(html).toContain('<code>hits</code></th><td class="num">1,234</td>');
    expect(html).toContain('<code>hitRatio</code></th><td class="num">25%</td>');
    expect(html).toContain('<code>evictions.lru</code></th><td class="num">7</td>');
  });

  test("breaks the failures down by kind, keys it does not know included", async () => {
    const id = await finishedRun(pooled, (result) => {
      result.requests.arrived = 4000;
      result.requests.failed = { rejected: 400, reset: 20, timeout: 100, limited: 80 };
    });
    const html = await page(id);
    const row = (kind: string) =>
      new RegExp(
        `<tr data-failure="${kind}"><th scope="row">([^<]+)</th><td class="num">([^<]+)</td><td class="num">([^<]+)</td></tr>`,
      )
        .exec(html)
        ?.slice(1);
    expect(row("rejected")).toEqual(["Rejected (503: a full queue or no capacity)", "400", "10%"]);
    expect(row("reset")).toEqual(["Reset (connection reset or refused)", "20", "0.5%"]);
    expect(row("timeout")).toEqual(["Timed out (the client gave up)", "100", "2.5%"]);
    expect(row("limited")).toEqual(["Rate limited (429)", "80", "2%"]);
    expect(html).toContain(
      '<tfoot><tr><th scope="row">All failures</th><td class="num">600</td><td class="num">15%</td></tr></tfoot>',
    );
    expect(html).toContain("<dt>Failed</dt><dd>600</dd>");
  });

  test("names the engine version", async () => {
    const html = await page(await finishedRun(pooled));
    const run = (await (await t.app.request(`/v1/runs/${/\/r\/([0-9a-f]+)"/.exec(html)![1]}`)).json()) as {
      engineVersion: string;
    };
    expect(html).toContain(`<dt>Engine</dt><dd>syslab ${run.engineVersion}</dd>`);
    expect(html).toContain(`<span data-engine-version>syslab ${run.engineVersion}</span>`);
  });

  test('links "Open in the playground" with the scenario in the fragment, and prints the curl and CLI lines', async () => {
    const id = await finishedRun(pooled);
    const html = await page(id);
    const href = /<a class="button" href="([^"]+)" data-open-playground>Open in the playground<\/a>/.exec(
      html,
    )?.[1];
    expect(href).toMatch(/^http:\/\/syslab\.test\/playground\/#scenario=[A-Za-z0-9_-]+$/);
    expect(JSON.parse(scenarioFromFragment(new URL(href!).hash)!)).toEqual(pooled);
    expect(html).toContain(
      "curl -X POST &#39;http://syslab.test/v1/runs&#39; -H &#39;content-type: application/json&#39; --data-binary @scenario.json",
    );
    expect(html).toContain(`curl &#39;http://syslab.test/v1/runs/${id}?wait=60&#39;`);
    expect(html).toContain("<code>npm run --silent sim -- scenario.json</code>");
  });

  test("links the playground named by PLAYGROUND_URL when the docs are hosted apart", async () => {
    t = testAppForThisTest({ playgroundUrl: "https://docs.example.org/playground/" });
    const html = await page(await finishedRun(quickScenario(4, 500)));
    expect(html).toMatch(
      /href="https:\/\/docs\.example\.org\/playground\/#scenario=[A-Za-z0-9_-]+" data-open-playground/,
    );
  });

  test("previews with a large image card", async () => {
    const id = await finishedRun(pooled);
    const html = await page(id);
    expect(html).toContain(`<meta property="og:image" content="http://syslab.test/r/${id}/card.png">`);
    expect(html).toContain('<meta property="og:image:width" content="1200">');
    expect(html).toContain('<meta property="og:image:height" content="630">');
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(html).toContain(`<meta name="twitter:image" content="http://syslab.test/r/${id}/card.png">`);
    expect(html).not.toContain("<script");
  });
});

describe("GET /r/:id/card.png", () => {
  test("is a 1200×630 PNG, cached once the run is finished", async () => {
    const id = await finishedRun(pooled);
    const res = await t.app.request(`/r/${id}/card.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("cache-control")).toBe("public, max-age=3600");
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const meta = await sharp(png).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({
      format: "png",
      width: 1200,
      height: 630,
    });
    // Drawn, not blank: the chart's bars and text make many distinct colours.
    const { channels } = await sharp(png).stats();
    expect(channels[0]!.max - channels[0]!.min).toBeGreaterThan(100);
  });

  test("is a placeholder card, not cached, while the run is unfinished", async () => {
    const { id } = (await (await t.app.request("/v1/runs", postRequest(quickScenario(5)))).json()) as {
      id: string;
    };
    const res = await t.app.request(`/r/${id}/card.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([1200, 630]);
  });

  test("answers 404 problem+json for an unknown run", async () => {
    const res = await t.app.request("/r/0123456789abcdef0123/card.png");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const body = (await res.json()) as { status: number; title: string };
    expect(body.status).toBe(404);
    expect(body.title).toBe("No such run");
  });
});

describe("an unfinished run's share page", () => {
  test("shows its progress, follows the event stream by one hashed script, and is not cached", async () => {
    const { id } = (await (await t.app.request("/v1/runs", postRequest(quickScenario(6)))).json()) as {
      id: string;
    };
    await t.store.reportProgress(id, { simulatedTime: 10, events: 123_456, percent: 42.5 });
    const res = await t.app.request(`/r/${id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    expect(html).toContain(`<div data-progress data-events="/v1/runs/${id}/events">`);
    expect(html).toContain('<progress id="progress" max="100" value="42.5">43%</progress>');
    expect(html).toContain('<p data-progress-text aria-live="polite">42.5% · 123,456 events</p>');
    // Without scripts, it reloads; with them, the script follows the run instead.
    expect(html).toContain('<noscript><meta http-equiv="refresh" content="2"></noscript>');
    expect(html.match(/<script>/g)).toHaveLength(1);
    // What was simulated is there before the result.
    expect(html).toContain("What was simulated");
    expect(html).toContain("data-open-playground");
  });
});
