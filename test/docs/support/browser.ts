// Launches Debian's chromium through playwright-core (never a downloaded browser build).
import { existsSync } from "node:fs";
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

/** Whether the browser tests can run; under CI a missing chromium is an error, not a skip. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === "true")
    throw new Error(`${CHROMIUM} is missing; CI installs it with apt (chromium).`);
  console.warn(`skipping the docs browser tests: ${CHROMIUM} is not installed`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface OpenedPage {
  page: Page;
  /** The page's own context: more pages opened in it share its storage and settings. */
  context: BrowserContext;
  /** Uncaught page errors, and the console's errors when asked for, each after the page's URL. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * Opens `url` in a fresh context (its own storage; 1280 × 1000 unless `context` says otherwise),
 * recording what goes wrong in the page.
 */
export async function openPage(
  browser: Browser,
  url: string,
  options: { consoleErrors?: boolean; context?: BrowserContextOptions } = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, ...options.context });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  if (options.consoleErrors)
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
    });
  await page.goto(url, { waitUntil: "load" });
  return { page, context, errors, close: () => context.close() };
}
