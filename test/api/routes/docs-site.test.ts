// The built docs site is served at `/` with content types and its own 404 page; API paths keep problem+json.

import { expect, test } from "vitest";
import { folderForThisFile, testAppForThisFile } from "../support/test-app";

const site = folderForThisFile({
  "index.html": "<!doctype html><title>home</title>",
  "notes/queues/index.html": "<!doctype html><title>queues</title>",
  "site.css": "body{margin:0}",
  "404.html": "<!doctype html><title>Page not found</title>",
});
const t = testAppForThisFile({ docsDir: site });

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
