// The built docs site in a real browser, served by the real API: pages load cleanly, widgets react
// and share, the playground names the path of a problem, pages read without scripts, screenshots.
import { mkdir, readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { formatValue } from "@syslab/charts";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable, launchChromium } from "./support/browser";
import { DOCS_DIST, type DocsServer, ROOT, startDocsServer } from "./support/docs-server";

const enabled = chromiumAvailable();

/** Every page of the built site, as a URL path. */
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

/** The pages that hold widgets, with each widget's name, read from the built HTML. */
async function widgetPages(): Promise<{ path: string; widgets: string[] }[]> {
  const found: { path: string; widgets: string[] }[] = [];
  for (const path of await sitePages()) {
    const html = await readFile(join(DOCS_DIST, path, "index.html"), "utf8");
    const widgets = [...html.matchAll(/data-widget="([^"]+)"/g)].map((m) => m[1]!);
    if (widgets.length > 0) found.push({ path, widgets });
  }
  return found;
}

interface WidgetState {
  numbers: string;
  chart: string;
}

async function widgetState(page: Page, widget: string): Promise<WidgetState> {
  return page.locator(`[data-widget="${widget}"]`).evaluate((element) => ({
    numbers: [...element.querySelectorAll("[data-number]")].map((n) => n.textContent).join(" | "),
    chart: (() => {
      const box = element.querySelector("[data-chart]")!;
      // uPlot draws on a canvas: its pixels are the chart.
      const canvas = box.querySelector("canvas");
      return canvas ? canvas.toDataURL() : box.innerHTML;
    })(),
  }));
}

/** Waits until the widget shows numbers other than `previous`, drawn by uPlot, and returns its state. */
async function waitForNewNumbers(page: Page, widget: string, previous: string): Promise<WidgetState> {
  await page.waitForFunction(
    ([w, before]) => {
      const root = document.querySelector(`[data-widget="${w}"]`);
      const numbers = [...(root?.querySelectorAll("[data-number]") ?? [])]
        .map((n) => n.textContent)
        .join(" | ");
      return (
        root?.getAttribute("data-state") === "idle" &&
        root.querySelector("[data-chart] canvas") &&
        numbers !== before
      );
    },
    [widget, previous] as const,
    { timeout: 30_000 },
  );
  return widgetState(page, widget);
}

/** Changes the widget's first control to a different value, as a person would. */
async function changeFirstControl(page: Page, widget: string): Promise<void> {
  const control = page.locator(`[data-widget="${widget}"] form [name]`).first();
  const tag = await control.evaluate((el) => el.tagName.toLowerCase());
  if (tag === "select") {
    const options = await control.locator("option").evaluateAll((os) =>
      os.map((o) => ({
        value: (o as HTMLOptionElement).value,
        selected: (o as HTMLOptionElement).selected,
      })),
    );
    const other = options.find((o) => !o.selected)!;
    await control.selectOption(other.value);
  } else {
    await control.evaluate((el) => {
      const input = el as HTMLInputElement;
      const next = Number(input.value) === Number(input.min) ? input.max : input.min;
      input.value = next;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
  }
}

describe.runIf(enabled)("docs site in a browser", () => {
  let server: DocsServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startDocsServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(path: string, javaScriptEnabled = true) {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
    const response = await page.goto(`${server.origin}${path}`, { waitUntil: "load" });
    return { context, page, errors, status: response?.status() };
  }

  it("loads every page with status 200 and no console errors", async () => {
    const pages = await sitePages();
    expect(pages).toContain("/");
    expect(pages).toContain("/playground/");
    expect(pages).toContain("/reference/scenario/");
    expect(pages).toContain("/reference/api/");
    // One tab walks the whole site; the listeners attached by open() collect errors from every page.
    const visit = await open(pages[0]!);
    for (const path of pages) {
      const response = await visit.page.goto(`${server.origin}${path}`, { waitUntil: "load" });
      expect(response?.status(), path).toBe(200);
    }
    await visit.context.close();
    expect(visit.errors).toEqual([]);
  });

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
    await visit.page.goto(`${server.origin}/playground/`);
    expect(await visit.page.evaluate(() => document.documentElement.dataset.theme)).toBe(after);
    await visit.context.close();
  });

  it("has at least the hockey stick widget", async () => {
    const widgets = (await widgetPages()).flatMap((p) => p.widgets);
    expect(widgets).toContain("hockey-stick");
  });

  it("redraws each widget's numbers and chart when a control changes", async () => {
    for (const { path, widgets } of await widgetPages()) {
      const visit = await open(path);
      for (const widget of widgets) {
        const initial = await widgetState(visit.page, widget);
        await changeFirstControl(visit.page, widget);
        const first = await waitForNewNumbers(visit.page, widget, initial.numbers);
        expect(first.chart, `${widget} chart`).not.toBe(initial.chart);
        // Once more, now that uPlot draws: the canvas itself must change, not only SVG → canvas.
        await changeFirstControl(visit.page, widget);
        const second = await waitForNewNumbers(visit.page, widget, first.numbers);
        expect(second.chart, `${widget} redrawn chart`).not.toBe(first.chart);
      }
      expect(visit.errors).toEqual([]);
      await visit.context.close();
    }
  });

  it("shares each widget's current run: the /r/:id page shows the same numbers", async () => {
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
        expect(url).toMatch(new RegExp(`^${server.origin}/r/[0-9a-f]+$`));
        const numbers: Record<string, number> = await root
          .locator("[data-number]")
          .evaluateAll((cells) =>
            Object.fromEntries(
              cells.map((c) => [c.getAttribute("data-number"), Number(c.getAttribute("data-value"))]),
            ),
          );
        const run = await (await fetch(`${server.origin}/v1/runs/${url.split("/").pop()}?wait=30`)).json();
        expect(run.status, widget).toBe("done");
        expect(run.result.latency.p99, `${widget} p99`).toBe(numbers["p99-latency"]);
        if ("throughput" in numbers)
          expect(run.result.throughput, `${widget} throughput`).toBe(numbers.throughput);
        if ("mean-latency" in numbers)
          expect(run.result.latency.mean, `${widget} mean`).toBe(numbers["mean-latency"]);
        const share = await visit.context.newPage();
        await share.goto(url);
        const text = (await share.locator("body").textContent()) ?? "";
        expect(text, `${widget} share page`).toContain(formatValue(numbers["p99-latency"]!, "duration"));
        if ("mean-latency" in numbers)
          expect(text).toContain(formatValue(numbers["mean-latency"]!, "duration"));
        await share.close();
      }
      expect(visit.errors).toEqual([]);
      await visit.context.close();
    }
  });

  it("rejects an invalid scenario in the playground, naming its path", async () => {
    const visit = await open("/playground/");
    const scenario = JSON.parse(await visit.page.inputValue("#scenario-text"));
    scenario.components.q.servers = -2;
    await visit.page.fill("#scenario-text", JSON.stringify(scenario, null, 2));
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

  it("shows each widget page's text and pre-rendered chart with JavaScript disabled", async () => {
    for (const { path, widgets } of await widgetPages()) {
      const visit = await open(path, false);
      expect(((await visit.page.locator("main p").first().textContent()) ?? "").length).toBeGreaterThan(40);
      for (const widget of widgets) {
        const svg = visit.page.locator(`[data-widget="${widget}"] [data-chart] svg`);
        expect(await svg.count(), `${widget} chart`).toBe(1);
        expect(await svg.locator(":scope > title").textContent()).toBeTruthy();
        expect(await visit.page.locator(`[data-widget="${widget}"] table tbody tr`).count()).toBeGreaterThan(
          1,
        );
        expect(
          await visit.page.locator(`[data-widget="${widget}"] [data-number]`).first().textContent(),
        ).not.toBe("");
      }
      await visit.context.close();
    }
  });

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
