// The explorer widgets on the deadlock and locks pages, in a real browser: the Worker's explorer shows
// two-locks' deadlock with its cycle and schedule, no bug in the fixed version, the hallway's livelock,
// and the racy counter's lost update gone with an atomic increment.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { chromiumAvailable } from "../support/browser";
import { useDocsBrowser } from "../support/docs-browser";
import { chooseOption, widgetState } from "../support/widget-page";

const enabled = chromiumAvailable();

describe.runIf(enabled)("explorer widgets in a browser", () => {
  const site = useDocsBrowser();

  async function open(path: string): Promise<{ page: Page; errors: string[] }> {
    const page = await site.browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${site.origin}${path}`, { waitUntil: "load" });
    return { page, errors };
  }

  /** The rows of the widget's table `index`, each as its cells joined by " | ". */
  const rows = (page: Page, widget: string, index: number) =>
    page
      .locator(`[data-widget="${widget}"] [data-table="${index}"] tbody tr`)
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent).join(" | ")));

  it("deadlock-livelock-starvation: two locks deadlock with their schedule; the fixed version finds no bug", async () => {
    const { page, errors } = await open("/notes/deadlock-livelock-starvation/");
    const widget = "deadlock-explorer";
    expect((await widgetState(page, widget)).numbers).toBe("deadlock A → B → A | 3 | 1 | 19");
    expect(await rows(page, widget, 1)).toEqual(["1 | A | lock m1 | ", "2 | B | lock m2 | yes"]);

    expect((await chooseOption(page, widget, "version", "fixed")).numbers).toBe("no bug | 2 | never | 16");
    expect(await page.locator(`[data-widget="${widget}"] [data-table="1"] caption`).textContent()).toBe(
      "One schedule",
    );
    expect(await page.locator(`[data-widget="${widget}"] [data-summary="0"]`).textContent()).toContain(
      "no deadlock or livelock in 2 executions",
    );

    await chooseOption(page, widget, "program", "polite-hallway");
    expect((await widgetState(page, widget)).numbers).toMatch(/^no bug \| 12 \|/);
    expect((await chooseOption(page, widget, "version", "as-written")).numbers).toMatch(
      /^livelock \| 19 \| 9 \|/,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it("locks-atomics-confinement: the racy counter ends at 1 or 2; the atomic one only at 2", async () => {
    const { page, errors } = await open("/notes/locks-atomics-confinement/");
    const widget = "counter-explorer";
    expect(await rows(page, widget, 0)).toEqual(["1 | 2 | counter = 1", "2 | 2 | counter = 2"]);
    expect((await chooseOption(page, widget, "program", "atomic")).numbers).toBe("2 | 1 | never fails | 0");
    expect(await rows(page, widget, 0)).toEqual(["2 | 2 | counter = 2"]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
