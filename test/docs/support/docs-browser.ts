// A Chromium for the tests of one describe block, alone or with the built site served on 127.0.0.1
// beside it: started before the block's tests and stopped after them, the set-up every browser test
// shares.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "./browser";
import { startDocsServer } from "./docs-server";

export interface TestBrowser {
  readonly browser: Browser;
}

export interface DocsBrowser extends TestBrowser {
  readonly origin: string;
}

/** Starts a thing before the block's tests and stops it after them; the getter reads it meanwhile. */
function forTheBlock<T>(start: () => Promise<T>, stop: (thing: T) => Promise<void>): () => T {
  let thing: T | undefined;
  beforeAll(async () => {
    thing = await start();
  });
  afterAll(async () => {
    if (thing !== undefined) await stop(thing);
  });
  return () => thing!;
}

/**
 * Call inside a describe block: its hooks launch Chromium before the block's tests and close it
 * after them (hooks registered later run after the launch and, at the end, before the close).
 */
export function useBrowser(): TestBrowser {
  const browser = forTheBlock(launchChromium, (b) => b.close());
  return {
    get browser() {
      return browser();
    },
  };
}

/** Call inside a describe block: its hooks start both before the block's tests and stop them after. */
export function useDocsBrowser(): DocsBrowser {
  const server = forTheBlock(startDocsServer, (s) => s.stop());
  const chromium = useBrowser();
  return {
    get origin() {
      return server().origin;
    },
    get browser() {
      return chromium.browser;
    },
  };
}
