// The built docs site under the Content-Security-Policy the API serves it with: every page loads,
// the widgets compute in their Web Worker and redraw with uPlot, search runs pagefind's
// WebAssembly, the theme script and switch work, the playground runs, and the browser reports no
// violation. An injected inline handler, by contrast, is refused.
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable, launchChromium } from "./support/browser";
import { DOCS_DIST, type DocsServer, startDocsServer } from "./support/docs-server";

const enabled = chromiumAvailable();

async function sitePages(): Promise<string[]> {
  const entries = await readdir(DOCS_DIST, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name === "index.html")
    .map((e) =>
      `/${relative(DOCS_DIST, join(e.parentPath, e.name)).split(sep).join("/")}`.replace(/index\.html$/, ""),
    )
    .filter((path) => !path.startsWith("/pagefind/"))
    .sort();
}

// Recorded from the first script on: Playwright adds it outside the page's own policy.
const RECORD_VIOLATIONS = () => {
  const found: string[] = [];
  (window as unknown as { cspViolations: string[] }).cspViolations = found;
  document.addEventListener("securitypolicyviolation", (e) => {
    found.push(
      `${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`,
    );
  });
};

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

describe.runIf(enabled)("the docs site under its Content-Security-Policy", () => {
  let server: DocsServer;
  let browser: Browser;
  let context: BrowserContext;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    server = await startDocsServer();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(RECORD_VIOLATIONS);
    context.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    const response = await page.goto(`${server.origin}${path}`, { waitUntil: "load" });
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
    const pages: { path: string; widgets: string[] }[] = [];
    for (const path of await sitePages()) {
      const html = await readFile(join(DOCS_DIST, path, "index.html"), "utf8");
      const widgets = [...html.matchAll(/data-widget="([^"]+)"/g)].map((m) => m[1]!);
      if (widgets.length > 0) pages.push({ path, widgets });
    }
    expect(pages.length).toBeGreaterThan(0);
    for (const { path, widgets } of pages) {
      const page = await open(path);
      for (const widget of widgets) {
        const root = page.locator(`[data-widget="${widget}"]`);
        const before = await root.locator("[data-number]").allTextContents();
        const control = root.locator("form [name]").first();
        await control.evaluate((el) => {
          if (el instanceof HTMLSelectElement) {
            el.selectedIndex = (el.selectedIndex + 1) % el.options.length;
          } else {
            const input = el as HTMLInputElement;
            input.value = Number(input.value) === Number(input.min) ? input.max : input.min;
          }
          el.dispatchEvent(new Event("input", { bubbles: true }));
          el.dispatchEvent(new Event("change", { bubbles: true }));
        });
        await page.waitForFunction(
          ([w, old]) => {
            const el = document.querySelector(`[data-widget="${w}"]`);
            const now = [...(el?.querySelectorAll("[data-number]") ?? [])]
              .map((n) => n.textContent)
              .join("|");
            return (
              el?.getAttribute("data-state") === "idle" &&
              el.querySelector("[data-chart] canvas") &&
              now !== old
            );
          },
          [widget, before.join("|")] as const,
          { timeout: 30_000 },
        );
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
