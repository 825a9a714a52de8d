// User text on share pages and in SVG charts is text, never markup: a scenario and request classes
// with names built to break out of HTML, attributes, comments and SVG reach a real browser under
// the page's Content-Security-Policy, which runs nothing of them and reports no violation.
import { barChartSvg, lineChartSvg } from "@syslab/charts";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
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
import { quickScenario } from "../support/scenarios";

const enabled = chromiumAvailable();

const HOSTILE = [
  `</title><script>window.pwned = "title"</script>`,
  `"><img src=x onerror="window.pwned = 'attribute'">`,
  `'><svg onload="window.pwned = 'svg'">`,
  `<!-- --><style>body{display:none}</style>]]>&amp;&lt;`,
  "\u2028\u2029</h1><iframe src=javascript:alert(1)>",
];
const NAME = HOSTILE.join(" ");

/** No script ran, nothing was injected, and the text reads back as written. */
async function expectInert(page: Page) {
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { pwned?: string }).pwned,
    scripts: document.querySelectorAll("script, iframe, img, style:not(head style)").length,
    handlers: [...document.querySelectorAll("*")].filter((el) =>
      [...el.attributes].some((a) => a.name.startsWith("on")),
    ).length,
    parseErrors: document.querySelectorAll("parsererror").length,
  }));
  expect(state).toEqual({ pwned: undefined, scripts: 0, handlers: 0, parseErrors: 0 });
}

describe.runIf(enabled)("hostile names", () => {
  let server: ApiServer;

  beforeAll(async () => {
    server = await startApiServer({ env: { RATE_LIMIT: "0" } });
  });

  afterAll(async () => {
    await killAllServers();
    if (server) removeDataDir(server.dataDir);
  });

  // Registered after the server's hooks: launched once it listens, closed before it stops.
  const chromium = useBrowser();

  /** A page that records the Content-Security-Policy violations the browser reports. */
  async function newPage(): Promise<{ page: Page; violations: () => Promise<string[]> }> {
    const context = await chromium.browser.newContext();
    await recordCspViolations(context);
    const page = await context.newPage();
    return { page, violations: () => cspViolations(page) };
  }

  test("a share page shows the scenario's name as text in its title, heading and preview tags", async () => {
    const scenario = {
      ...quickScenario(61, 5_000),
      name: NAME,
      description: NAME,
      workload: {
        arrival: { process: "poisson", rate: 3.6 },
        requests: HOSTILE.map((name) => ({ name, steps: [{ service: { exp: "1s" } }] })),
      },
    };
    const created = await postJson(`${server.url}/v1/runs`, scenario);
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const run = await (await fetch(`${server.url}/v1/runs/${id}?wait=30`)).json();
    expect(run.status).toBe("done");

    const { page, violations } = await newPage();
    const res = await page.goto(`${server.url}/r/${id}`);
    expect(await res?.headerValue("content-security-policy")).toMatch(/^default-src 'none'/);
    expect(await page.title()).toBe(`${NAME} · syslab`);
    expect(await page.locator("h1").textContent()).toBe(NAME);
    expect(await page.locator('meta[property="og:title"]').getAttribute("content")).toBe(NAME);
    expect(await page.locator('meta[name="twitter:title"]').getAttribute("content")).toBe(NAME);
    // The charts are there, drawn, and styled by the page's one hashed <style>.
    expect(await page.locator("figure svg").count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator("main").evaluate((m) => getComputedStyle(m).maxWidth)).toBe("720px");
    await expectInert(page);
    expect(await violations()).toEqual([]);

    const chart = await newPage();
    await chart.page.goto(`${server.url}/v1/runs/${id}/chart.svg`);
    await expectInert(chart.page);
    expect(await chart.violations()).toEqual([]);
  });

  test("SVG charts keep hostile titles, labels and series names as text", async () => {
    const bars = barChartSvg({
      title: NAME,
      yLabel: NAME,
      desc: NAME,
      bars: HOSTILE.map((label, i) => ({ label, value: i + 1 })),
    });
    const lines = lineChartSvg({
      title: NAME,
      xLabel: NAME,
      yLabel: NAME,
      series: HOSTILE.map((name, i) => ({ name, points: [[0, i] as [number, number], [1, i + 1]] })),
    });
    for (const svg of [bars, lines]) {
      const { page } = await newPage();
      await page.setContent(`<!doctype html><html><body>${svg}</body></html>`);
      await expectInert(page);
      const texts = await page.locator("svg text, svg title, svg desc").allTextContents();
      expect(texts).toContain(NAME);
      for (const name of HOSTILE) expect(texts.some((t) => t.includes(name.trim().slice(0, 20)))).toBe(true);
      // Parsed as an SVG document on its own, it is well-formed.
      const wellFormed = await page.evaluate(
        (text) =>
          new DOMParser().parseFromString(text, "image/svg+xml").querySelector("parsererror") === null,
        svg,
      );
      expect(wellFormed).toBe(true);
    }
  });
});
