// The built docs site under the Content-Security-Policy the API serves it with: every page loads,
// the widgets compute in their Web Worker and redraw with uPlot, search runs pagefind's
// WebAssembly, the theme script and switch work, the playground runs, and the browser reports no
// violation. An injected inline handler, by contrast, is refused.
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable } from "./support/browser";
import { recordCspViolations, cspViolations as violations } from "./support/csp-violations";
import { useDocsBrowser } from "./support/docs-browser";
import { sitePages, widgetPages } from "./support/site-pages";
import { changeFirstControl, waitForNewNumbers, widgetState } from "./support/widget-page";

const enabled = chromiumAvailable();

describe.runIf(enabled)("the docs site under its Content-Security-Policy", () => {
  const site = useDocsBrowser();
  let context: BrowserContext;
  const consoleErrors: string[] = [];

  // One context for every test (closed with the browser), recording violations and console errors.
  beforeAll(async () => {
    context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await recordCspViolations(context);
    context.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
  });

  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    const response = await page.goto(`${site.origin}${path}`, { waitUntil: "load" });
    expect(response?.status(), path).toBe(200);
    expect(await response?.headerValue("content-security-policy"), path).toMatch(/script-src 'self'/);
    return page;
  }

  it("loads every page with no violation and no console error", async () => {
    for (const path of await sitePages()) {
      const page = await open(path);
      await page.waitForLoadState("networkidle");
      expect(await violations(page), path).toEqual([]);
      await page.close();
    }
    expect(consoleErrors).toEqual([]);
  }, 300_000);

  it("runs each widget in its Web Worker and redraws its uPlot chart, with no violation", async () => {
    const pages = await widgetPages();
    expect(pages.length).toBeGreaterThan(0);
    for (const { path, widgets } of pages) {
      const page = await open(path);
      for (const widget of widgets) {
        const before = await widgetState(page, widget);
        await changeFirstControl(page, widget);
        await waitForNewNumbers(page, widget, before.numbers);
      }
      expect(await violations(page), path).toEqual([]);
      await page.close();
    }
    expect(consoleErrors).toEqual([]);
  }, 300_000);

  it("searches with pagefind, switches the theme and runs the playground, with no violation", async () => {
    const home = await open("/");
    await home.fill("#search-input", "context switch");
    await home.locator("#search-results a").first().waitFor({ timeout: 15_000 });
    const theme = await home.evaluate(() => document.documentElement.dataset.theme);
    await home.click("theme-toggle button");
    expect(await home.evaluate(() => document.documentElement.dataset.theme)).not.toBe(theme);
    expect(await violations(home)).toEqual([]);
    await home.close();

    const playground = await open("/playground/");
    await playground.click("[data-action=run]");
    await playground.locator('[data-field="latency.mean"]').waitFor({ timeout: 30_000 });
    expect(await violations(playground)).toEqual([]);
    await playground.close();
    expect(consoleErrors).toEqual([]);
  });

  it("refuses an inline handler injected into a page, and reports it", async () => {
    const page = await open("/");
    await page.evaluate(() => {
      document.body.insertAdjacentHTML(
        "beforeend",
        '<img src="/missing.png" onerror="window.injected = true">',
      );
    });
    await page.waitForFunction(
      () => (window as unknown as { cspViolations: string[] }).cspViolations.length > 0,
    );
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
    expect((await violations(page))[0]).toMatch(/^script-src-attr blocked inline/);
    await page.close();
    consoleErrors.length = 0; // the refusal itself is logged as an error
  });
});
