// The docs site hosted apart from the API: built with SYSLAB_API_URL naming the API on one origin
// and served by a plain static server on another, its widgets share runs through the API, which
// answers CORS for the origins in CORS_ORIGINS and for no others.
import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { formatValue } from "@syslab/charts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiServer, removeDataDir, startApiServer } from "../api/support/api-server";
import { chromiumAvailable } from "./support/browser";
import { useBrowser } from "./support/docs-browser";
import { ROOT } from "./support/docs-server";
import { type StaticServer, startStaticServer } from "./support/static-server";

const enabled = chromiumAvailable();

/** Builds the site into `outDir` with these settings (astro build, as `npm run build` does). */
async function buildSite(outDir: string, env: Record<string, string>): Promise<void> {
  const child = spawn(
    process.execPath,
    [join(ROOT, "node_modules/astro/astro.js"), "build", "--outDir", outDir],
    {
      cwd: join(ROOT, "apps/docs"),
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`astro build failed (${code}):\n${output}`);
}

/** The first page of the built site that holds a widget, and the widget's name. */
async function firstWidgetPage(outDir: string): Promise<{ path: string; widget: string }> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  for (const entry of entries.filter((e) => e.isFile() && e.name === "index.html").sort()) {
    const file = join(entry.parentPath, entry.name);
    const widget = /data-widget="([^"]+)"/.exec(await readFile(file, "utf8"))?.[1];
    if (widget) return { path: `/${relative(outDir, entry.parentPath).split(sep).join("/")}/`, widget };
  }
  throw new Error("no widget page in the built site");
}

describe.runIf(enabled)("the docs site on its own origin", () => {
  let outDir: string;
  let site: StaticServer;
  let stranger: StaticServer;
  let api: ApiServer;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), "syslab-docs-apart-"));
    site = await startStaticServer(() => outDir);
    stranger = await startStaticServer(() => outDir);
    api = await startApiServer({ env: { CORS_ORIGINS: site.origin, RATE_LIMIT: "0" } });
    await buildSite(outDir, { SYSLAB_API_URL: api.url });
  }, 600_000);

  afterAll(async () => {
    await site?.stop();
    await stranger?.stop();
    await api?.stop("SIGKILL");
    if (api) removeDataDir(api.dataDir);
    await rm(outDir, { recursive: true, force: true });
  });

  // Registered after the servers' hooks: launched once the site is built, closed before they stop.
  const chromium = useBrowser();

  it("shares a widget's run through the API on the other origin and links to its share page there", async () => {
    const { path, widget } = await firstWidgetPage(outDir);
    const context = await chromium.browser.newContext();
    const page = await context.newPage();
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST") posts.push(r.url());
    });
    await page.goto(`${site.origin}${path}`, { waitUntil: "load" });
    const root = page.locator(`[data-widget="${widget}"]`);
    await root.locator("fieldset:not([disabled])").waitFor(); // its script has started
    await root.locator("[data-action=share]").click();
    const link = root.locator("[data-share-link]");
    await link.waitFor({ state: "visible", timeout: 30_000 });
    const url = (await link.getAttribute("href"))!;
    expect(url).toMatch(new RegExp(`^${api.url}/r/[0-9a-f]{20}$`));
    expect(posts).toEqual([`${api.url}/v1/runs`]);

    // The run is the API's: its share page there shows the widget's p99.
    const id = url.split("/").pop()!;
    const run = await (await fetch(`${api.url}/v1/runs/${id}?wait=30`)).json();
    expect(run.status).toBe("done");
    const p99 = Number(await root.locator('[data-number="p99-latency"]').getAttribute("data-value"));
    expect(run.result.latency.p99).toBe(p99);
    expect(await (await fetch(url)).text()).toContain(formatValue(p99, "duration"));

    // "Copy as curl" names the same API.
    await root.locator("[data-action=curl]").click();
    expect(await root.locator("[data-curl]").textContent()).toMatch(
      new RegExp(`^curl -X POST ${api.url}/v1/runs -H 'content-type: application/json' -d '\\{`),
    );
    await context.close();
  });

  it("the same site on an origin not in CORS_ORIGINS cannot share: the browser blocks the answer", async () => {
    const { path, widget } = await firstWidgetPage(outDir);
    const context = await chromium.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stranger.origin}${path}`, { waitUntil: "load" });
    const root = page.locator(`[data-widget="${widget}"]`);
    await root.locator("fieldset:not([disabled])").waitFor(); // its script has started
    await root.locator("[data-action=share]").click();
    await expect
      .poll(() => root.locator("[data-status]").textContent(), { timeout: 30_000 })
      .toMatch(/Could not share/);
    expect(await root.locator("[data-share-link]").isHidden()).toBe(true);
    await context.close();
  });
});
