// A share page in a real browser: it passes axe-core, reads completely without JavaScript (a
// comparison's too, with both sides and the differences as stored), and, for a run still going, follows the run's event stream under the page's own Content-Security-Policy
// (its progress moves without a reload) and then shows the result.
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { axeViolations } from "../../docs/support/axe";
import { chromiumAvailable } from "../../docs/support/browser";
import { cspViolations, recordCspViolations } from "../../docs/support/csp-violations";
import { useBrowser } from "../../docs/support/docs-browser";
import {
  type ApiServer,
  killAllServers,
  postJson,
  removeDataDir,
  startApiServer,
} from "../support/api-server";
import { longScenario, quickScenario } from "../support/scenarios";

const enabled = chromiumAvailable();

/** A server, a pool and a database: the page has a figure table for each kind. */
function pooled() {
  const scenario = JSON.parse(
    readFileSync(new URL("../../../examples/servers/pgbouncer.json", import.meta.url), "utf8"),
  );
  return { ...scenario, run: { duration: "6s", warmup: "1s" } };
}

describe.runIf(enabled)("share pages in a browser", () => {
  let server: ApiServer;
  let doneId: string;
  let comparisonId: string;

  beforeAll(async () => {
    server = await startApiServer({ env: { RATE_LIMIT: "0" } });
    const created = await postJson(`${server.url}/v1/runs`, pooled());
    expect(created.status).toBe(201);
    doneId = (await created.json()).id;
    const run = await (await fetch(`${server.url}/v1/runs/${doneId}?wait=60`)).json();
    expect(run.status).toBe("done");
    const side = (servers: number) => ({
      ...quickScenario(5, 2000),
      name: `${servers} servers`,
      run: { requests: 2000, replications: 3 },
      components: { q: { type: "station", servers } },
    });
    const compared = await postJson(`${server.url}/v1/comparisons`, { a: side(4), b: side(6) });
    expect(compared.status).toBe(201);
    comparisonId = (await compared.json()).id;
    const comparison = await (await fetch(`${server.url}/v1/comparisons/${comparisonId}?wait=60`)).json();
    expect(comparison.status).toBe("done");
  }, 120_000);

  afterAll(async () => {
    await killAllServers();
    if (server) removeDataDir(server.dataDir);
  });

  // Registered after the server's hooks: launched once it listens, closed before it stops.
  const chromium = useBrowser();

  /** A context that records the page's Content-Security-Policy violations. */
  async function recording(options: Parameters<Browser["newContext"]>[0] = {}): Promise<BrowserContext> {
    const context = await chromium.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    await recordCspViolations(context);
    return context;
  }

  test("a finished run's page passes axe-core", async () => {
    // bypassCSP: the page's policy rightly refuses the inline script axe-core is injected as.
    const context = await chromium.browser.newContext({
      bypassCSP: true,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/r/${doneId}`);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  test("without JavaScript it shows the scenario, every component's figures and the failures", async () => {
    const context = await chromium.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const res = await page.goto(`${server.url}/r/${doneId}`);
    expect(res?.status()).toBe(200);
    const headings = await page.locator("h2, h3").allTextContents();
    expect(headings).toEqual([
      "What was simulated",
      "Failures",
      "Request classes",
      "Every component's figures",
      "bouncer pool",
      "db station",
      "web server",
      "The scenario as JSON",
      "Run it yourself",
    ]);
    const scenario = JSON.parse((await page.locator("[data-scenario-json]").textContent()) ?? "");
    expect(scenario).toEqual(pooled());
    const topology = await page.locator("table.topology tbody tr").allInnerTexts();
    expect(topology.map((row) => row.split("\t").map((cell) => cell.trim()))).toEqual([
      ["bouncer", "pool", "mode transaction; clientConnections 1000; size 20; target db", "db"],
      ["db", "station", "servers 8; capacity 100", "—"],
      [
        "web (entry)",
        "server",
        "cores 8; architecture: kind thread-pool, threads 1000, queue 100",
        "bouncer",
      ],
    ]);
    const run = await (await fetch(`${server.url}/v1/runs/${doneId}`)).json();
    // The figures the page prints are the result's own.
    const served = await page
      .locator("section.component", { hasText: "bouncer" })
      .locator("tr", { has: page.locator("code", { hasText: /^served$/ }) })
      .locator("td")
      .textContent();
    expect(served).toBe(run.result.components.bouncer.served.toLocaleString("en-US"));
    const failures = await page
      .locator("table.failures tbody tr")
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.failure));
    expect(failures).toEqual(Object.keys(run.result.requests.failed));
    expect(await page.locator("[data-engine-version]").textContent()).toBe(`syslab ${run.engineVersion}`);
    await context.close();
  });

  test("a comparison's page passes axe-core and, without JavaScript, shows both sides and the differences", async () => {
    const axeContext = await chromium.browser.newContext({
      bypassCSP: true,
      viewport: { width: 1280, height: 900 },
    });
    const axePage = await axeContext.newPage();
    await axePage.goto(`${server.url}/r/${comparisonId}`);
    expect(await axeViolations(axePage)).toEqual([]);
    await axeContext.close();

    const context = await chromium.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const res = await page.goto(`${server.url}/r/${comparisonId}`);
    expect(res?.status()).toBe(200);
    expect(await page.locator("h2").allTextContents()).toEqual([
      "What was simulated",
      "Side a: 4 servers",
      "Side b: 6 servers",
      "The comparison as JSON",
      "Run it yourself",
    ]);
    const { result } = await (await fetch(`${server.url}/v1/comparisons/${comparisonId}`)).json();
    const mean = page.locator('table.comparison tr[data-figure="latency.mean"] td');
    expect(Number(await mean.nth(0).getAttribute("data-value"))).toBe(
      result.a.replications.latency.mean.value,
    );
    expect(Number(await mean.nth(1).getAttribute("data-value"))).toBe(
      result.b.replications.latency.mean.value,
    );
    expect(Number(await mean.nth(2).getAttribute("data-difference"))).toBe(
      result.difference.latency.mean.value,
    );
    expect((await mean.nth(3).getAttribute("data-ci95"))?.split(" ").map(Number)).toEqual(
      result.difference.latency.mean.ci95,
    );
    await expect
      .poll(() => page.locator('[data-verdict="latency.mean"]').textContent())
      .toMatch(
        /^Mean latency (is lower on b by .+, a difference distinguishable from zero|: .+ includes zero.+)\.$/,
      );
    expect(await page.locator("[data-open-playground]").count()).toBe(2);
    await context.close();
  });

  test("a running run's page follows its progress by the event stream, then shows the result", async () => {
    const created = await postJson(`${server.url}/v1/runs`, longScenario(31, 4_000_000));
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const context = await recording();
    const page = await context.newPage();
    let loads = 0;
    page.on("load", () => loads++);
    await page.goto(`${server.url}/r/${id}`);
    // The first report may already be in the page's markup; a later one can only come by the stream.
    const first = Number((await page.locator("progress").getAttribute("value")) ?? 0);
    await expect
      .poll(() => page.locator("[data-progress]").getAttribute("data-percent"), { timeout: 60_000 })
      .toMatch(/^\d/);
    await expect
      .poll(async () => Number(await page.locator("[data-progress]").getAttribute("data-percent")), {
        timeout: 60_000,
      })
      .toBeGreaterThan(first);
    expect(loads).toBe(1);
    const line = await page.locator("[data-progress-text]").textContent();
    expect(line).toMatch(/^\d+\.\d% · [\d,]+ events/);
    // Once done, the page reloads itself and shows the result.
    await page.locator("h2", { hasText: "Every component's figures" }).waitFor({ timeout: 120_000 });
    expect(await page.locator(".status").textContent()).toBe("done");
    expect(loads).toBe(2);
    expect(await cspViolations(page)).toEqual([]);
    await context.close();
  }, 240_000);
});
