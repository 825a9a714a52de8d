// The built docs site is served at `/` with content types and its own 404 page; API paths keep problem+json.

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { removeDataDir, tempDataDir } from "../support/api-server";
import { testApp } from "../support/test-app";

const site = tempDataDir();
mkdirSync(join(site, "notes", "queues"), { recursive: true });
writeFileSync(join(site, "index.html"), "<!doctype html><title>home</title>");
writeFileSync(join(site, "notes", "queues", "index.html"), "<!doctype html><title>queues</title>");
writeFileSync(join(site, "site.css"), "body{margin:0}");
writeFileSync(join(site, "404.html"), "<!doctype html><title>Page not found</title>");
const t = testApp({ docsDir: site });

afterAll(() => {
  t.close();
  removeDataDir(t.dataDir);
  removeDataDir(site);
});

test("pages, folders and assets are served with their content types", async () => {
  const home = await t.app.request("/");
  expect(home.status).toBe(200);
  expect(home.headers.get("content-type")).toMatch(/^text\/html/);
  expect(await home.text()).toContain("<title>home</title>");
  expect(await (await t.app.request("/notes/queues/")).text()).toContain("queues");
  const css = await t.app.request("/site.css");
  expect(css.headers.get("content-type")).toMatch(/^text\/css/);
});

test("an unknown page gets the site's 404 page; an unknown API path gets problem+json", async () => {
  const page = await t.app.request("/no/such/page");
  expect(page.status).toBe(404);
  expect(await page.text()).toContain("Page not found");
  const api = await t.app.request("/v1/no-such-endpoint");
  expect(api.status).toBe(404);
  expect(api.headers.get("content-type")).toBe("application/problem+json");
  expect((await t.app.request("/healthz")).status).toBe(200);
});

test("paths that climb out of the site folder are not served", async () => {
  const res = await t.app.request("/../package.json");
  expect(res.status).toBe(404);
});
