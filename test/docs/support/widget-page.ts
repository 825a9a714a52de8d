// Driving a widget in a browser page as a person would, and reading what it shows.
import type { Page } from "playwright-core";

export interface WidgetState {
  numbers: string;
  /** Every chart of the widget, in order: a canvas's pixels once uPlot draws, else the SVG markup. */
  charts: string[];
}

export async function widgetState(page: Page, widget: string): Promise<WidgetState> {
  return page.locator(`[data-widget="${widget}"]`).evaluate((element) => ({
    numbers: [...element.querySelectorAll("[data-number]")].map((n) => n.textContent).join(" | "),
    charts: [...element.querySelectorAll("[data-chart]")].map((box) => {
      const canvas = box.querySelector("canvas");
      return canvas ? canvas.toDataURL() : box.innerHTML;
    }),
  }));
}

/** Waits until the widget shows numbers other than `previous`, drawn by uPlot, and returns its state. */
export async function waitForNewNumbers(page: Page, widget: string, previous: string): Promise<WidgetState> {
  await page.waitForFunction(
    ([w, before]) => {
      const root = document.querySelector(`[data-widget="${w}"]`);
      if (!root) return false;
      const numbers = [...root.querySelectorAll("[data-number]")].map((n) => n.textContent).join(" | ");
      const charts = [...root.querySelectorAll("[data-chart]")];
      return (
        root.getAttribute("data-state") === "idle" &&
        charts.every((box) => box.querySelector("canvas")) &&
        numbers !== before
      );
    },
    [widget, previous] as const,
    { timeout: 30_000 },
  );
  return widgetState(page, widget);
}

/** Changes the widget's first control to a different value, as a person would. */
export async function changeFirstControl(page: Page, widget: string): Promise<void> {
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

/** The widget's key numbers as the page holds them: each `data-number` id with its `data-value`. */
export async function shownValues(page: Page, widget: string): Promise<Record<string, number>> {
  const cells = await page
    .locator(`[data-widget="${widget}"] [data-number]`)
    .evaluateAll((all) =>
      all.map((c) => [c.getAttribute("data-number")!, Number(c.getAttribute("data-value"))]),
    );
  return Object.fromEntries(cells);
}

/** Chooses `value` in the widget's `control` select, as a person would, and waits for the new run. */
export async function chooseOption(
  page: Page,
  widget: string,
  control: string,
  value: string,
): Promise<WidgetState> {
  const before = (await widgetState(page, widget)).numbers;
  await page.locator(`[data-widget="${widget}"] select[name="${control}"]`).selectOption(value);
  return waitForNewNumbers(page, widget, before);
}
