// Launches Debian's chromium through playwright-core (never a downloaded browser build).
import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";

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
  /** Uncaught page errors, and the console's errors when asked for. */
  errors: string[];
  close(): Promise<void>;
}

/** Opens `url` in a fresh context (its own storage), recording what goes wrong in the page. */
export async function openPage(
  browser: Browser,
  url: string,
  options: { consoleErrors?: boolean } = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  if (options.consoleErrors)
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
  await page.goto(url, { waitUntil: "load" });
  return { page, errors, close: () => context.close() };
}
