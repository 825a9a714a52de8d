// Driving the playground's editor as a person would: replacing its text, placing the cursor, reading it.
import type { Page } from "playwright-core";

/** Selects everything in the editor and types `text` over it (as one paste, so brackets are not doubled). */
export async function setEditorText(page: Page, text: string): Promise<void> {
  await page.locator(".cm-content").click();
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(text);
}

/** The editor's text, read from the form field it keeps in step. */
export function editorText(page: Page): Promise<string> {
  return page.locator("#scenario-text").inputValue();
}

/** Puts the cursor at the end of the first editor line that contains `text`. */
export async function cursorAtEndOf(page: Page, text: string): Promise<void> {
  await page.locator(".cm-line", { hasText: text }).first().click();
  await page.keyboard.press("End");
}

/** The 1-based number of the editor line that holds the first element matching `selector`. */
export function lineOf(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const line = element.closest(".cm-line")!;
      return [...line.parentElement!.querySelectorAll(":scope > .cm-line")].indexOf(line) + 1;
    });
}
