// The built docs site in a real browser, served by the real API: pages load cleanly, widgets react
// and share, the playground names the path of a problem, pages read without scripts, screenshots.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { formatValue } from "@syslab/charts";
import { describe, expect, it } from "vitest";
import { chromiumAvailable, type OpenedPage, openPage } from "./support/browser";
import { useDocsBrowser } from "./support/docs-browser";
import { ROOT } from "./support/docs-server";
import { editorText, setEditorText } from "./support/playground-page";
import { sitePages, widgetPages } from "./support/site-pages";
import { changeFirstControl, waitForNewNumbers, widgetState } from "./support/widget-page";

const enabled = chromiumAvailable();
// Tests that visit every widget (or every page) in turn: each widget's runs take a few seconds on a
// loaded machine, and the site keeps gaining widgets.
const WIDGET_WALK_TIMEOUT = 240_000;

describe.runIf(enabled)("docs site in a browser", () => {
  const site = useDocsBrowser();

  const open = (path: string, javaScriptEnabled = true): Promise<OpenedPage> =>
    openPage(site.browser, `${site.origin}${path}`, {
      consoleErrors: true,
      context: { javaScriptEnabled, viewport: { width: 1280, height: 900 } },
    });

  it(
    "loads every page with status 200 and no console errors",
    async () => {
      const pages = await sitePages();
      expect(pages).toContain("/");
      expect(pages).toContain("/playground/");
      expect(pages).toContain("/reference/scenario/");
      expect(pages).toContain("/reference/api/");
      // One tab walks the whole site; the listeners attached by open() collect errors from every page.
      const visit = await open(pages[0]!);
      for (const path of pages) {
        const response = await visit.page.goto(`${site.origin}${path}`, { waitUntil: "load" });
        expect(response?.status(), path).toBe(200);
      }
      await visit.context.close();
      expect(visit.errors).toEqual([]);
    },
    WIDGET_WALK_TIMEOUT,
  );

  it("finds pages through the search box", async () => {
    const visit = await open("/");
    await visit.page.fill("#search-input", "context switch");
    const first = visit.page.locator("#search-results a").first();
    await first.waitFor({ timeout: 10_000 });
    expect(await first.getAttribute("href")).toMatch(/^\/notes\//);
    await visit.context.close();
  });

  it("keeps the chosen theme across pages", async () => {
    const visit = await open("/");
    const before = await visit.page.evaluate(() => document.documentElement.dataset.theme);
    await visit.page.click("theme-toggle button");
    const after = await visit.page.evaluate(() => document.documentElement.dataset.theme);
    expect(after).not.toBe(before);
    await visit.page.goto(`${site.origin}/playground/`);
    expect(await visit.page.evaluate(() => document.documentElement.dataset.theme)).toBe(after);
    await visit.context.close();
  });

  it("has at least the hockey stick widget", async () => {
    const widgets = (await widgetPages()).flatMap((p) => p.widgets);
    expect(widgets).toContain("hockey-stick");
  });

  it(
    "redraws each widget's numbers and chart when a control changes",
    async () => {
      for (const { path, widgets } of await widgetPages()) {
        const visit = await open(path);
        for (const widget of widgets) {
          const initial = await widgetState(visit.page, widget);
          await changeFirstControl(visit.page, widget);
          const first = await waitForNewNumbers(visit.page, widget, initial.numbers);
          expect(first.charts.length, `${widget} charts`).toBe(initial.charts.length);
          expect(first.charts[0], `${widget} chart`).not.toBe(initial.charts[0]);
          // Once more, now that uPlot draws: the canvas itself must change, not only SVG → canvas.
          await changeFirstControl(visit.page, widget);
          const second = await waitForNewNumbers(visit.page, widget, first.numbers);
          expect(second.charts[0], `${widget} redrawn chart`).not.toBe(first.charts[0]);
        }
        expect(visit.errors).toEqual([]);
        await visit.context.close();
      }
    },
    WIDGET_WALK_TIMEOUT,
  );

  it(
    "shares each widget's current run: the /r/:id page shows the same numbers",
    async () => {
      for (const { path, widgets } of await widgetPages()) {
        const visit = await open(path);
        for (const widget of widgets) {
          const root = visit.page.locator(`[data-widget="${widget}"]`);
          // Share a run other than the default, so the link must follow the controls.
          const initial = await widgetState(visit.page, widget);
          await changeFirstControl(visit.page, widget);
          await waitForNewNumbers(visit.page, widget, initial.numbers);
          await root.locator("[data-action=share]").click();
          const link = root.locator("[data-share-link]");
          await link.waitFor({ state: "visible", timeout: 20_000 });
          const url = (await link.getAttribute("href"))!;
          expect(url).toMatch(new RegExp(`^${site.origin}/r/[0-9a-f]+$`));
          // Every number that is a field of the chosen run's result must be that field of the stored run.
          const numbers = await root.locator("[data-number]").evaluateAll((cells) =>
            cells.map((c) => ({
              id: c.getAttribute("data-number")!,
              field: c.getAttribute("data-field"),
              value: Number(c.getAttribute("data-value")),
            })),
          );
          const fields = numbers.filter((n) => n.field !== null);
          expect(fields.length, `${widget} numbers tied to result fields`).toBeGreaterThan(0);
          const run = await (await fetch(`${site.origin}/v1/runs/${url.split("/").pop()}?wait=30`)).json();
          expect(run.status, widget).toBe("done");
          for (const { id, field, value } of fields) {
            const stored = field!
              .split(".")
              .reduce<unknown>((at, key) => (at as Record<string, unknown>)?.[key], run.result);
            expect(stored, `${widget} ${id} (${field})`).toBe(value);
          }
          // The share page prints the run's latency summary as the widget does (a program's: its executions).
          const share = await visit.context.newPage();
          await share.goto(url);
          const text = (await share.locator("body").textContent()) ?? "";
          const headline =
            run.result.latency === undefined
              ? formatValue(run.result.executions, "number")
              : formatValue(run.result.latency.p99, "duration");
          expect(text, `${widget} share page`).toContain(headline);
          const p99 = numbers.find((n) => n.field === "latency.p99");
          if (p99) expect(text).toContain(formatValue(p99.value, "duration"));
          await share.close();
        }
        expect(visit.errors).toEqual([]);
        await visit.context.close();
      }
    },
    WIDGET_WALK_TIMEOUT,
  );

  it("rejects an invalid scenario in the playground, naming its path", async () => {
    const visit = await open("/playground/");
    const scenario = JSON.parse(await editorText(visit.page));
    scenario.components.q.servers = -2;
    await setEditorText(visit.page, JSON.stringify(scenario, null, 2));
    const problems = visit.page.locator("[data-problems]");
    await expect.poll(() => problems.textContent(), { timeout: 15_000 }).toContain("components.q.servers");
    await visit.page.click("[data-action=run]");
    await expect.poll(() => visit.page.locator("[data-status]").textContent()).toMatch(/fix the problems/i);
    expect(await visit.page.locator("[data-results]").isHidden()).toBe(true);
    await visit.context.close();
  });

  it("runs a valid scenario in the playground and shows every result field", async () => {
    const visit = await open("/playground/");
    await visit.page.click("[data-action=run]");
    const mean = visit.page.locator('[data-field="latency.mean"]');
    await mean.waitFor({ timeout: 20_000 });
    for (const field of ["throughput", "latency.p99", "requests.completed", "components.q.utilization"]) {
      expect(await visit.page.locator(`[data-field="${field}"]`).count(), field).toBe(1);
    }
    expect(await visit.page.locator("[data-series-chart] canvas").count()).toBeGreaterThanOrEqual(3);
    expect(visit.errors).toEqual([]);
    await visit.context.close();
  });

  it(
    "shows each widget page's text and pre-rendered chart with JavaScript disabled",
    async () => {
      for (const { path, widgets } of await widgetPages()) {
        const visit = await open(path, false);
        expect(((await visit.page.locator("main p").first().textContent()) ?? "").length).toBeGreaterThan(40);
        for (const widget of widgets) {
          const svgs = visit.page.locator(`[data-widget="${widget}"] [data-chart] > svg`);
          expect(await svgs.count(), `${widget} chart`).toBeGreaterThanOrEqual(1);
          for (const svg of await svgs.all()) {
            expect(await svg.locator(":scope > title").textContent()).toBeTruthy();
            expect(await svg.locator(":scope > desc").textContent(), `${widget} chart description`).toMatch(
              /\d/,
            );
          }
          expect(
            await visit.page.locator(`[data-widget="${widget}"] table tbody tr`).count(),
          ).toBeGreaterThan(1);
          expect(
            await visit.page.locator(`[data-widget="${widget}"] [data-number]`).first().textContent(),
          ).not.toBe("");
        }
        await visit.context.close();
      }
    },
    WIDGET_WALK_TIMEOUT,
  );

  it("saves screenshots of the home page and a widget page", async () => {
    const dir = join(ROOT, ".screenshots");
    await mkdir(dir, { recursive: true });
    const home = await open("/");
    await home.page.screenshot({ path: join(dir, "home.png"), fullPage: false });
    await home.context.close();
    const page = (await widgetPages()).find((p) => p.widgets.includes("hockey-stick"))!;
    const visit = await open(page.path);
    await visit.page.screenshot({ path: join(dir, "widget-page-top.png") });
    // Scrolled so the widget sits just under the sticky header.
    await visit.page.evaluate(() => {
      const widget = document.querySelector('[data-widget="hockey-stick"]')!.closest(".widget")!;
      window.scrollTo(0, widget.getBoundingClientRect().top + window.scrollY - 80);
    });
    await visit.page.screenshot({ path: join(dir, "widget-page.png") });
    await visit.context.close();
  });
});
