// A traced run's share page (apps/api/src/share/share-page.ts): a server-rendered waterfall of its
// slowest traced request and its latency breakdown by band, each with a table of its figures; in a
// real browser, under the page's own Content-Security-Policy, names built to break out of markup
// stay text, nothing runs, and axe-core finds no violation.
import type { Result } from "@syslab/sim-core";
import { parseDocument, runDocument } from "@syslab/sim-core";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { axeViolations } from "../../docs/support/axe";
import { chromiumAvailable, launchChromium } from "../../docs/support/browser";
import { cspViolations, recordCspViolations } from "../../docs/support/csp-violations";
import {
  type ApiServer,
  killAllServers,
  postJson,
  removeDataDir,
  startApiServer,
} from "../support/api-server";
import { postRequest, testApp } from "../support/test-app";

const HOSTILE = `</title><script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">'&`;

/** A server calling a pool in front of a database, every request traced; `name` goes into each name. */
function traced(name = "", trace: unknown = { sample: 1 }) {
  const [web, pool, db] = [`web${name}`, `pool${name}`, `db${name}`];
  return {
    version: 1,
    name: `Traced pool${name}`,
    seed: 5,
    run: { requests: 2000, warmup: 200, ...(trace ? { trace } : {}) },
    workload: {
      arrival: { process: "poisson", rate: 300 },
      requests: [{ name: `page${name}`, steps: [{ cpu: "1ms" }, { call: pool, hold: { exp: "12ms" } }] }],
    },
    entry: web,
    components: {
      [web]: { type: "server", cores: 2, architecture: { kind: "thread-pool", threads: 64 } },
      [pool]: { type: "pool", size: 4, queue: 50, target: db },
      [db]: { type: "station", servers: 4 },
    },
  };
}

describe("a traced run's share page", () => {
  let t: ReturnType<typeof testApp>;
  beforeEach(() => {
    t = testApp();
  });
  afterEach(() => {
    t.close();
    removeDataDir(t.dataDir);
  });

  /** Runs the scenario here and finishes its run with the result; returns the page and the result. */
  async function sharePage(scenario: unknown): Promise<{ html: string; result: Result }> {
    const created = await t.app.request("/v1/runs", postRequest(scenario));
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const parsed = parseDocument(scenario);
    if (!parsed.ok) throw new Error("invalid test scenario");
    const result = runDocument(parsed.document).output as Result;
    await new Promise((resolve) => setTimeout(resolve, 0));
    t.executor.finish(id, { ok: true, resultJson: JSON.stringify(result), wallMs: 3 });
    await t.app.request(`/v1/runs/${id}?wait=5`);
    const res = await t.app.request(`http://syslab.test/r/${id}`);
    expect(res.status).toBe(200);
    return { html: await res.text(), result };
  }

  test("shows the slowest traced request's waterfall and the bands' breakdown, each with its table", async () => {
    const { html, result } = await sharePage(traced());
    const trace = result.trace!;
    expect(html).toContain('<h2 id="trace-title">Where the time went</h2>');
    const completed = trace.requests.filter((r) => r.outcome === "completed");
    const slowest = completed.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
    expect(html).toContain(`<figure data-trace-waterfall data-request="${slowest.id}">`);
    expect(html.match(/<g class="visit"/g)).toHaveLength(slowest.spans.length);
    expect(html).toContain(`<caption>Visits of request ${slowest.id} (page)`);
    for (const key of ["p50", "p90", "p99"] as const) {
      const band = trace.breakdown.bands[key];
      for (const [cause, share] of Object.entries(band.share))
        if (share > 0) expect(html).toContain(`data-cause="${cause}" data-share="${share}"`);
    }
    // The page's one script is the unfinished run's: a finished one has none.
    // The only scripts are the topology animation's own files, loaded by URL: none inline, none from a name.
    expect(html.replace(/<script type="module" src="\/r\/assets\/[\w-]+\.js"><\/script>/g, "")).not.toContain(
      "<script",
    );
  });

  test("an untraced run's page has no trace figures", async () => {
    const { html } = await sharePage(traced("", false));
    expect(html).not.toContain("trace-title");
    expect(html).not.toContain("data-trace-waterfall");
  });
});

describe.runIf(chromiumAvailable())("a traced run's share page in a browser", () => {
  let server: ApiServer;
  let browser: Browser;
  let id: string;

  beforeAll(async () => {
    server = await startApiServer({ env: { RATE_LIMIT: "0" } });
    browser = await launchChromium();
    const created = await postJson(`${server.url}/v1/runs`, traced(` ${HOSTILE}`));
    expect(created.status).toBe(201);
    id = (await created.json()).id;
    const run = await (await fetch(`${server.url}/v1/runs/${id}?wait=60`)).json();
    expect(run.status).toBe("done");
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await killAllServers();
    if (server) removeDataDir(server.dataDir);
  });

  async function inert(page: Page) {
    return page.evaluate(() => ({
      pwned: (window as unknown as { pwned?: number }).pwned,
      injected: document.querySelectorAll('script:not([src^="/r/assets/"]), img').length,
      handlers: [...document.querySelectorAll("*")].filter((el) =>
        [...el.attributes].some((a) => a.name.startsWith("on")),
      ).length,
    }));
  }

  test("draws the waterfall with hostile names as text, under the page's policy, with nothing run", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await recordCspViolations(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/r/${id}`);
    const waterfall = page.locator("figure[data-trace-waterfall] svg");
    expect((await waterfall.boundingBox())!.width).toBeGreaterThan(300);
    const labels = await page
      .locator("figure[data-trace-waterfall] svg g.visit")
      .evaluateAll((groups) => groups.map((g) => (g as SVGGElement).dataset.component));
    expect(labels).toContain(`web ${HOSTILE}`);
    expect(labels).toContain(`pool ${HOSTILE}`);
    const rows = await page.locator("[data-trace-waterfall] + .scroll tbody th").allTextContents();
    expect(rows).toContain(`pool ${HOSTILE}`);
    expect(await page.locator("figure[data-trace-breakdown] svg g.band").count()).toBe(3);
    expect(await inert(page)).toEqual({ pwned: undefined, injected: 0, handlers: 0 });
    expect(await cspViolations(page)).toEqual([]);
    await context.close();
  });

  test("passes axe-core with the trace figures on it", async () => {
    // bypassCSP: the page's policy rightly refuses the inline script axe-core is injected as.
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/r/${id}`);
    await page.locator("figure[data-trace-waterfall]").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
