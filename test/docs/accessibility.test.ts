// The docs site for people who use a keyboard, a screen reader or high contrast: axe-core finds no
// violation on any page in either theme (with every <details> open, on a desktop and a phone screen,
// and again once widgets and the playground have drawn their results); every widget works from the
// keyboard alone, announces new numbers in a polite live region, and states each chart in words.
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations, LAYOUT_RULES, openAllDetails } from "./support/axe";
import { chromiumAvailable } from "./support/browser";
import { useDocsBrowser } from "./support/docs-browser";
import { sitePages, widgetPages } from "./support/site-pages";
import { changeFirstControl, waitForNewNumbers, widgetState } from "./support/widget-page";

const enabled = chromiumAvailable();
const THEMES = ["light", "dark"] as const;
type Theme = (typeof THEMES)[number];
// A walk over every page runs axe some twenty times, a second or so each.
const WALK_TIMEOUT = 240_000;

describe.runIf(enabled)("docs accessibility", () => {
  const site = useDocsBrowser();

  /** A browser context whose pages open in `theme`, as if the reader had chosen it before. */
  async function themed(theme: Theme, width = 1280): Promise<BrowserContext> {
    // bypassCSP: the site's Content-Security-Policy rightly refuses inline scripts, and axe-core is
    // injected as one; nothing else on the page is affected.
    const context = await site.browser.newContext({
      viewport: { width, height: 900 },
      colorScheme: theme,
      bypassCSP: true,
    });
    await context.addInitScript((t) => localStorage.setItem("syslab-theme", t), theme);
    return context;
  }

  async function visit(page: Page, path: string, theme: Theme): Promise<void> {
    await page.goto(`${site.origin}${path}`, { waitUntil: "load" });
    expect(await page.evaluate(() => document.documentElement.dataset.theme), path).toBe(theme);
  }

  /** Every page, every <details> open, checked with all of axe's rules, or with `rules` only. */
  async function walkSite(theme: Theme, width: number, rules?: string[]): Promise<string[]> {
    const pages = await sitePages();
    expect(pages.length).toBeGreaterThan(15);
    const found: string[] = [];
    const context = await themed(theme, width);
    const page = await context.newPage();
    for (const path of pages) {
      await visit(page, path, theme);
      await openAllDetails(page);
      for (const violation of await axeViolations(page, rules)) found.push(`${path}: ${violation}`);
    }
    await context.close();
    return found;
  }

  /** Changes each widget's first control, shows its curl command, and opens its data tables. */
  async function exerciseWidgets(page: Page, widgets: string[]): Promise<void> {
    for (const widget of widgets) {
      const before = await widgetState(page, widget);
      await changeFirstControl(page, widget);
      await waitForNewNumbers(page, widget, before.numbers);
      await page.locator(`[data-widget="${widget}"] [data-action=curl]`).click();
    }
    await openAllDetails(page);
  }

  /** Runs the playground's scenario and waits for its result. */
  async function runPlayground(page: Page, theme: Theme): Promise<void> {
    await visit(page, "/playground/", theme);
    await page.click("[data-action=run]");
    await page.locator('[data-field="latency.mean"]').waitFor({ timeout: 20_000 });
  }

  for (const theme of THEMES) {
    it(
      `axe-core finds no violation on any page in the ${theme} theme`,
      async () => {
        expect(await walkSite(theme, 1280)).toEqual([]);
      },
      WALK_TIMEOUT,
    );
  }

  it(
    "axe-core finds no layout violation on any page on a phone screen (code and tables scroll by keyboard)",
    async () => {
      expect(await walkSite("light", 390, LAYOUT_RULES)).toEqual([]);
    },
    WALK_TIMEOUT,
  );

  it(
    "every widget works from the keyboard alone: Tab reaches each control, an arrow key changes it, Enter acts",
    async () => {
      const context = await themed("light");
      const page = await context.newPage();
      for (const { path, widgets } of await widgetPages()) {
        await visit(page, path, "light");
        for (const widget of widgets) {
          const root = page.locator(`[data-widget="${widget}"]`);
          const controls = await root
            .locator("form [name]")
            .evaluateAll((els) =>
              els
                .filter((el) => !(el as HTMLInputElement).disabled)
                .map((el) => (el as HTMLInputElement).name),
            );
          expect(controls.length, widget).toBeGreaterThan(0);
          // Start from the widget's heading, as a reader tabbing down the page would arrive.
          await root.locator("h3").evaluate((h) => {
            (h as HTMLElement).tabIndex = -1;
            (h as HTMLElement).focus();
          });
          const reached: string[] = [];
          for (let i = 0; i < controls.length; i++) {
            await page.keyboard.press("Tab");
            reached.push(
              await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? ""),
            );
          }
          expect(reached, `${widget}: Tab order of the controls`).toEqual(controls);

          // Back to the first control: an arrow key picks another value, and the widget recomputes.
          const before = await widgetState(page, widget);
          const first = root.locator(`form [name="${controls[0]}"]`);
          await first.focus();
          const key = await first.evaluate((el) => {
            if (el instanceof HTMLSelectElement)
              return el.selectedIndex === el.options.length - 1 ? "ArrowUp" : "ArrowDown";
            const input = el as HTMLInputElement;
            return Number(input.value) >= Number(input.max) ? "ArrowLeft" : "ArrowRight";
          });
          await page.keyboard.press(key);
          await waitForNewNumbers(page, widget, before.numbers);

          // The actions are buttons in the tab order: Enter on "Copy as curl" shows the command.
          await root.locator("[data-action=curl]").focus();
          await page.keyboard.press("Enter");
          await expect.poll(() => root.locator("[data-curl]").isVisible()).toBe(true);
          expect(await root.locator("[data-curl]").textContent()).toMatch(/^curl /);
          // The data tables open from the keyboard.
          await root.locator("details > summary").focus();
          await page.keyboard.press("Enter");
          expect(await root.locator("details").evaluate((d) => (d as HTMLDetailsElement).open), widget).toBe(
            true,
          );
        }
      }
      await context.close();
    },
    WALK_TIMEOUT,
  );

  it(
    "every widget announces its new numbers in a polite live region and states each chart in words",
    async () => {
      const context = await themed("light");
      const page = await context.newPage();
      for (const { path, widgets } of await widgetPages()) {
        await visit(page, path, "light");
        for (const widget of widgets) {
          const root = page.locator(`[data-widget="${widget}"]`);
          const announce = root.locator("[data-announce]");
          expect(await announce.getAttribute("aria-live"), widget).toBe("polite");
          // Before any script runs, each pre-rendered chart carries its summary as a caption.
          const summaries = await root.locator("[data-summary]").allTextContents();
          expect(summaries.length, widget).toBe(await root.locator("[data-chart]").count());
          for (const summary of summaries) expect(summary, `${widget} chart summary`).toMatch(/\d/);

          const before = await widgetState(page, widget);
          await changeFirstControl(page, widget);
          await waitForNewNumbers(page, widget, before.numbers);
          const numbers = await root.locator("[data-number]").allTextContents();
          const spoken = (await announce.textContent()) ?? "";
          for (const number of numbers) expect(spoken, `${widget} announces ${number}`).toContain(number);

          // Each drawn chart is an image named by its title and described by its summary sentence.
          for (const box of await root.locator("[data-chart]").all()) {
            const image = box.locator('[role="img"]').first();
            expect(await image.getAttribute("aria-label"), widget).toBeTruthy();
            const describedBy = await image.getAttribute("aria-describedby");
            expect(describedBy, `${widget} chart is described`).toBeTruthy();
            const description = await page.locator(`[id="${describedBy}"]`).textContent();
            expect(description, widget).toMatch(/\d/);
          }
        }
      }
      await context.close();
    },
    WALK_TIMEOUT,
  );

  it(
    "axe-core finds no violation once every widget has redrawn and the playground shows a result, in either theme",
    async () => {
      const found: string[] = [];
      for (const theme of THEMES) {
        const context = await themed(theme);
        const page = await context.newPage();
        for (const { path, widgets } of await widgetPages()) {
          await visit(page, path, theme);
          await exerciseWidgets(page, widgets);
          for (const violation of await axeViolations(page)) found.push(`${theme} ${path}: ${violation}`);
        }
        await runPlayground(page, theme);
        for (const violation of await axeViolations(page))
          found.push(`${theme} /playground/ (run): ${violation}`);
        await context.close();
      }
      expect(found).toEqual([]);
    },
    WALK_TIMEOUT,
  );

  it("states each playground chart in words once a run is done", async () => {
    const context = await themed("light");
    const page = await context.newPage();
    await runPlayground(page, "light");
    const summaries = await page.locator("[data-results] [data-summary]").allTextContents();
    expect(summaries.length).toBe(3);
    for (const summary of summaries) expect(summary).toMatch(/\d/);
    const described = await page
      .locator('[data-results] [role="img"]')
      .evaluateAll((images) => images.map((i) => i.getAttribute("aria-describedby")));
    expect(described.length).toBe(3);
    for (const id of described) expect(await page.locator(`[id="${id}"]`).textContent()).toMatch(/\d/);
    await context.close();
  });
});
