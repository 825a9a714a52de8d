// Every answer carries nosniff, no framing, no referrer and a Content-Security-Policy that allows
// only what that kind of answer loads: nothing for the API, one hashed <style> for a share page,
// the site's own files and its hashed inline scripts for the docs.
import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { quickScenario } from "../support/scenarios";
import { folderForThisFile, postRequest, testAppForThisFile } from "../support/test-app";

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

const THEME = "document.documentElement.dataset.theme = 'dark';";
const MODULE = 'import "/_astro/x.js";';
const site = folderForThisFile({
  "index.html":
    `<!doctype html><title>home</title><script>${THEME}</script><script type="module">${MODULE}</script>` +
    `<script type="application/json" data-scenario>{"version":1}</script><script type="module" src="/_astro/a.js"></script>`,
  "notes/index.html": `<!doctype html><title>notes</title><script>${THEME}</script>`,
  "404.html": "<!doctype html><title>Page not found</title>",
});
const t = testAppForThisFile({ docsDir: site });

/** The CSP as a map from directive to its sources. */
function csp(res: Response): Record<string, string[]> {
  const header = res.headers.get("content-security-policy");
  expect(header, res.url).toBeTruthy();
  return Object.fromEntries(
    header!
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

/** The rest of the set, the same on every answer. */
const fixed = {
  "cross-origin-opener-policy": "same-origin",
  "origin-agent-cluster": "?1",
  "strict-transport-security": "max-age=15552000; includeSubDomains",
  "x-dns-prefetch-control": "off",
  "x-download-options": "noopen",
  "x-permitted-cross-domain-policies": "none",
  "x-xss-protection": "0",
};

function expectCommon(res: Response) {
  for (const [name, value] of Object.entries(fixed)) expect(res.headers.get(name), name).toBe(value);
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("x-frame-options")).toBe("DENY");
  expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  expect(csp(res)["frame-ancestors"]).toEqual(["'none'"]);
}

describe("API answers", () => {
  test("JSON, problems, charts and the document allow nothing to load", async () => {
    const created = await t.app.request("/v1/runs", postRequest(quickScenario()));
    const { id } = await created.json();
    // A done run is answered from its kept bytes, with the headers written in as the answer is made.
    const doneBody = postRequest(quickScenario(3));
    const done = (await (await t.app.request("/v1/runs", doneBody)).json()).id;
    t.executor.finish(done, { ok: true, resultJson: "{}", wallMs: 1 });
    await new Promise((r) => setTimeout(r, 10));
    for (const res of [
      created,
      await t.app.request(`/v1/runs/${id}`),
      await t.app.request("/v1/runs", doneBody),
      await t.app.request(`/v1/runs/${done}`),
      await t.app.request(`/v1/runs/${done}`),
      await t.app.request(`/v1/runs/${id}/chart.svg`),
      await t.app.request(`/r/${id}/card.png`),
      await t.app.request("/v1/runs/nope"),
      await t.app.request("/openapi.json"),
      await t.app.request("/healthz"),
    ]) {
      expectCommon(res);
      expect(csp(res)["default-src"]).toEqual(["'none'"]);
      expect(csp(res)["script-src"]).toBeUndefined();
      expect(res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
      expect(res.headers.get("content-security-policy")).toBe(
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      );
    }
  });
});

describe("share pages", () => {
  test("allow their one <style> element and their one progress script by hash, scripts and reads of this origin", async () => {
    const { id } = await (await t.app.request("/v1/runs", postRequest(quickScenario(2)))).json();
    const res = await t.app.request(`/r/${id}`);
    const html = await res.text();
    expectCommon(res);
    const policy = csp(res);
    expect(policy["default-src"]).toEqual(["'none'"]);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(styles).toHaveLength(1);
    expect(policy["style-src"]).toEqual([sha256(styles[0]!)]);
    // The run is unfinished (the test executor has not finished it): its page follows the event stream.
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    // … and the topology animation's module scripts load from this origin (/r/assets/).
    expect(policy["script-src"]).toEqual([sha256(scripts[0]!), "'self'"]);
    expect(policy["connect-src"]).toEqual(["'self'"]);
    expect(policy["script-src"]).not.toContain("'unsafe-inline'");
  });
});

describe("docs pages", () => {
  test("allow the site's files and exactly its inline scripts, by hash; JSON data blocks are not scripts", async () => {
    const res = await t.app.request("/");
    expectCommon(res);
    const policy = csp(res);
    expect(policy["default-src"]).toEqual(["'self'"]);
    expect(policy["script-src"]!.sort()).toEqual(
      ["'self'", "'wasm-unsafe-eval'", sha256(THEME), sha256(MODULE)].sort(),
    );
    expect(policy["worker-src"]).toEqual(["'self'"]);
    expect(policy["object-src"]).toEqual(["'none'"]);
    expect(policy["script-src"]).not.toContain("'unsafe-inline'");
    expect(policy["script-src"]).not.toContain("'unsafe-eval'");
  });

  test("the site's 404 page carries the same policy", async () => {
    const res = await t.app.request("/no/such/page");
    expect(res.status).toBe(404);
    expect(csp(res)["script-src"]).toContain(sha256(THEME));
  });
});
