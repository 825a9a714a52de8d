// The built site served on 127.0.0.1 and a Chromium to read it, started once per test file and
// stopped after it: the set-up every browser test of the docs shares.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "./browser";
import { type DocsServer, startDocsServer } from "./docs-server";

export interface DocsBrowser {
  readonly origin: string;
  readonly browser: Browser;
}

/** Call inside a describe block: its hooks start both before the block's tests and stop them after. */
export function useDocsBrowser(): DocsBrowser {
  let server: DocsServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startDocsServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get origin() {
      return server!.origin;
    },
    get browser() {
      return browser!;
    },
  };
}
