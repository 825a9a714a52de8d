// The Content-Security-Policy violations a page reports, recorded from its first script on: the
// script is added by Playwright outside the page's own policy, before any of the page's content.
import type { BrowserContext, Page } from "playwright-core";

/** Makes every page of `context` keep its violations, each as "directive blocked what at file:line". */
export async function recordCspViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const found: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = found;
    document.addEventListener("securitypolicyviolation", (e) => {
      found.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
}

/** The violations the page has reported so far (its context must record them). */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}
