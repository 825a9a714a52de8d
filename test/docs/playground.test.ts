// The playground's editor in a real browser: completion of fields and values from the scenario's JSON
// Schema, field descriptions on hover and at the cursor, problems underlined on their own line, the
// examples a menu away, program documents named as such, and no keyboard trap.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { chromiumAvailable, type OpenedPage, openPage } from "./support/browser";
import { useDocsBrowser } from "./support/docs-browser";
import { cursorAtEndOf, editorText, lineOf, setEditorText } from "./support/playground-page";

const enabled = chromiumAvailable();

describe.runIf(enabled)("playground editor", () => {
  const site = useDocsBrowser();

  async function playground(): Promise<OpenedPage> {
    const opened = await openPage(site.browser, `${site.origin}/playground/`, { consoleErrors: true });
    await opened.page.locator(".cm-content").waitFor();
    return opened;
  }

  const options = (page: Page) => page.locator(".cm-tooltip-autocomplete li").allTextContents();

  it("completes a station's field names as a key is typed, then the field's values", async () => {
    const { page, errors, close } = await playground();
    await cursorAtEndOf(page, '"servers": 4');
    await page.keyboard.type(',\n"dis');
    await page.locator(".cm-tooltip-autocomplete").waitFor();
    const keys = await options(page);
    expect(keys.some((o) => o.startsWith("discipline"))).toBe(true);
    // The station already has "type" and "servers": they are not offered again.
    expect(keys.some((o) => o.startsWith("servers"))).toBe(false);
    await page.keyboard.press("Enter");
    await page.keyboard.press("Control+Space");
    await page.locator(".cm-tooltip-autocomplete").waitFor();
    expect(await options(page)).toEqual(['"deadline"', '"fcfs"', '"lifo"', '"priority"', '"ps"']);
    await page.locator(".cm-tooltip-autocomplete li", { hasText: '"lifo"' }).click();
    await expect.poll(() => editorText(page)).toContain('"discipline": "lifo"');
    // The document is still a valid scenario.
    await expect
      .poll(() => page.locator("[data-problems]").textContent(), { timeout: 10_000 })
      .toContain("Valid");
    expect(errors).toEqual([]);
    await close();
  });

  it("describes a field on hover, and the field at the cursor in a line under the editor", async () => {
    const { page, close } = await playground();
    await page.locator(".cm-line span", { hasText: '"servers"' }).first().hover();
    const tooltip = page.locator(".cm-tooltip .cm-field-doc");
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toContain("Number of servers (c). Default 1.");
    await cursorAtEndOf(page, '"rate": 3.6');
    await expect
      .poll(() => page.locator("[data-field-doc]").textContent())
      .toMatch(/^workload\.arrival\.rate: Arrivals per second/);
    await close();
  });

  it("underlines a problem on its own line and lists it with its path", async () => {
    const { page, close } = await playground();
    const scenario = JSON.parse(await editorText(page));
    scenario.components.q.servers = -2;
    const text = JSON.stringify(scenario, null, 2);
    await setEditorText(page, text);
    await page.locator(".cm-lintRange-error").first().waitFor({ timeout: 10_000 });
    const expectedLine = text.split("\n").findIndex((line) => line.includes('"servers": -2')) + 1;
    expect(await lineOf(page, ".cm-lintRange-error")).toBe(expectedLine);
    expect(await page.locator(".cm-lintRange-error").first().textContent()).toBe("-2");
    expect(await page.locator("[data-problems]").textContent()).toContain("components.q.servers");
    // The gutter marks the same line for readers who do not see the underline's colour.
    expect(await page.locator(".cm-gutter-lint .cm-lint-marker-error").count()).toBe(1);
    await close();
  });

  it("places a JSON syntax error on the line where the text stops being JSON", async () => {
    const { page, close } = await playground();
    const lines = (await editorText(page)).split("\n");
    const broken = lines.findIndex((line) => line.includes('"seed"'));
    lines[broken] = lines[broken]!.replace(",", ",,");
    await setEditorText(page, lines.join("\n"));
    await page.locator(".cm-lintRange-error").first().waitFor({ timeout: 10_000 });
    expect(await lineOf(page, ".cm-lintRange-error")).toBe(broken + 1);
    expect(await page.locator("[data-problems]").textContent()).toMatch(/not valid JSON/);
    await close();
  });

  it("loads any example from the menu, and it validates", async () => {
    const { page, close } = await playground();
    const menu = page.locator("[data-examples]");
    const groups = await menu.locator("optgroup").evaluateAll((gs) => gs.map((g) => g.getAttribute("label")));
    expect(groups).toEqual(
      expect.arrayContaining(["The docs' widgets (examples/docs/)", "Servers and pools (examples/servers/)"]),
    );
    await menu.selectOption("docs/lock-contention");
    await expect.poll(() => editorText(page)).toContain('"name": "8 threads sharing one lock');
    await expect
      .poll(() => page.locator("[data-problems]").textContent(), { timeout: 10_000 })
      .toContain("Valid");
    await close();
  });

  it("checks a program document as a program, not as a broken scenario", async () => {
    const { page, close } = await playground();
    await setEditorText(page, '{ "version": 1, "kind": "program", "threads": [] }');
    await expect
      .poll(() => page.locator("[data-problems]").textContent(), { timeout: 10_000 })
      .toContain("Must list at least one thread.");
    expect(await page.locator("[data-problems] li").count()).toBe(1);
    await close();
  });

  it("runs a program from the menu and shows its outcomes and counterexample", async () => {
    const { page, close } = await playground();
    await page.locator("[data-examples]").selectOption("programs/lost-update");
    await expect.poll(() => editorText(page)).toContain('"kind": "program"');
    await page.locator("[data-action=run]").click();
    await expect
      .poll(() => page.locator("[data-status]").textContent(), { timeout: 20_000 })
      .toContain("executions explored");
    const table = await page.locator("[data-result-table] tbody").textContent();
    expect(table).toContain("outcomes[0]: counter=1");
    expect(table).toContain("violations[0]: final, 1 preemptions");
    expect(table).toContain("load counter → r = 0");
    await close();
  });

  it("never traps the keyboard: Tab leaves the editor for the next control", async () => {
    const { page, close } = await playground();
    await page.locator(".cm-content").focus();
    await page.keyboard.press("Tab");
    const inEditor = await page.evaluate(() => document.activeElement?.closest(".cm-editor") !== null);
    expect(inEditor).toBe(false);
    await close();
  });
});
