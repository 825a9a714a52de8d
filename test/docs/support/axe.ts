// Runs axe-core (the accessibility engine) in a page and returns its violations, one readable line each.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeNode {
  target: string[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

/** The rules whose outcome depends on the screen's size rather than on colours or markup alone. */
export const LAYOUT_RULES = [
  "scrollable-region-focusable",
  "target-size",
  "meta-viewport",
  "css-orientation-lock",
];

/**
 * Every axe-core violation on the page, as "rule (impact): target — why": of all the rules axe runs
 * by default, or of `rules` only.
 */
export async function axeViolations(page: Page, rules?: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async (only) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } })
      .axe;
    const options = only ? { runOnly: { type: "rule", values: only } } : {};
    const result = (await axe.run(document, options)) as { violations: unknown[] };
    return result.violations;
  }, rules);
  return (violations as AxeViolation[]).flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${v.id} (${v.impact}): ${n.target.join(" ")} — ${(n.failureSummary ?? v.help).replace(/\s+/g, " ")}`,
    ),
  );
}

/** Opens every <details> so that axe also checks what they hide (widget data tables). */
export async function openAllDetails(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll("details")) details.open = true;
  });
}
