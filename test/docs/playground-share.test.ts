// The playground and share pages together, in a real browser: a share page's "Open in the
// playground" opens the very scenario of the run (which, run in the browser, gives the run's own
// numbers), and a long run in the playground shows its progress, events per second and time left.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { scenarioFragment } from "../../apps/docs/src/scripts/playground-fragment";
import { chromiumAvailable, openPage } from "./support/browser";
import { useDocsBrowser } from "./support/docs-browser";
import { editorText } from "./support/playground-page";

const enabled = chromiumAvailable();

/** Names in several scripts: the fragment carries UTF-8, not just ASCII. */
const scenario = {
  version: 1,
  name: "Naïve M/M/2 — 東京 edition",
  seed: 77,
  run: { requests: 4000, warmup: 400 },
  workload: {
    arrival: { process: "poisson", rate: 1.5 },
    requests: [{ name: "café", steps: [{ service: { exp: "1s" } }] }],
  },
  entry: "q",
  components: { q: { type: "station", servers: 2 } },
};

describe.runIf(enabled)("the playground and share pages", () => {
  const site = useDocsBrowser();

  const open = (url: string) => openPage(site.browser, url);

  /** The value of one row of the playground's result table. */
  const field = (page: Page, path: string) =>
    page.locator(`[data-result-table] td[data-field="${path}"] + td`).textContent();

  it("opens a share page's scenario from its link, and running it gives the run's numbers", async () => {
    const created = await fetch(`${site.origin}/v1/runs`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(scenario),
    });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const run = await (await fetch(`${site.origin}/v1/runs/${id}?wait=60`)).json();
    expect(run.status).toBe("done");

    const share = await open(`${site.origin}/r/${id}`);
    const link = share.page.locator("a[data-open-playground]");
    expect(await link.textContent()).toBe("Open in the playground");
    await link.click();
    await share.page.waitForURL(/\/playground\/#scenario=/);
    await share.page.locator(".cm-content").waitFor();
    expect(JSON.parse(await editorText(share.page))).toEqual(scenario);
    await expect
      .poll(() => share.page.locator("[data-problems]").textContent(), { timeout: 10_000 })
      .toContain("Valid");
    await share.page.locator("[data-action=run]").click();
    await expect
      .poll(() => share.page.locator("[data-status]").textContent(), { timeout: 60_000 })
      .toMatch(/^Done/);
    for (const path of ["latency.p99", "throughput", "requests.completed"] as const) {
      const [group, key] = path.split(".") as [string, string | undefined];
      const value = key ? run.result[group][key] : run.result[group];
      expect(await field(share.page, path)).toBe(String(Number(value.toPrecision(6))));
    }
    expect(share.errors).toEqual([]);
    await share.close();
  });

  it("keeps its own scenario when the fragment holds none it can read", async () => {
    const plain = await open(`${site.origin}/playground/`);
    await plain.page.locator(".cm-content").waitFor();
    const defaultText = await editorText(plain.page);
    await plain.close();
    const garbled = await open(`${site.origin}/playground/#scenario=not-base64-json!`);
    await garbled.page.locator(".cm-content").waitFor();
    expect(await editorText(garbled.page)).toBe(defaultText);
    expect(garbled.errors).toEqual([]);
    await garbled.close();
  });

  it("shows a long run's progress with events per second and the time left, then hides the bar", async () => {
    const long = { ...scenario, name: "long M/M/2", run: { requests: 1_500_000 } };
    const { page, errors, close } = await open(`${site.origin}/playground/${scenarioFragment(long)}`);
    await page.locator(".cm-content").waitFor();
    expect(JSON.parse(await editorText(page))).toEqual(long);
    // Every text the status line shows, as it changes.
    await page.evaluate(() => {
      const status = document.querySelector("[data-status]")!;
      const seen: string[] = [];
      (window as unknown as { statusTexts: string[] }).statusTexts = seen;
      new MutationObserver(() => seen.push(status.textContent ?? "")).observe(status, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    await page.locator("[data-action=run]").click();
    await expect.poll(() => page.locator("[data-run-progress]").isVisible(), { timeout: 30_000 }).toBe(true);
    await expect
      .poll(() => page.locator("[data-status]").textContent(), { timeout: 120_000 })
      .toMatch(/^Done/);
    const texts = await page.evaluate(() => (window as unknown as { statusTexts: string[] }).statusTexts);
    const progress = texts.filter((t) => t.startsWith("Running… "));
    expect(progress.length).toBeGreaterThanOrEqual(3);
    for (const text of progress)
      expect(text).toMatch(/^Running… \d+% · [\d,]+ events( · [\d,]+ events\/s( · about \d+ s left)?)?$/);
    expect(progress.some((t) => / events\/s · about \d+ s left$/.test(t))).toBe(true);
    const percents = progress.map((t) => Number(/(\d+)%/.exec(t)![1]));
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(await page.locator("[data-run-progress]").isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await close();
  }, 180_000);

  it("after Share, shows the server's run progressing by its event stream until it is done", async () => {
    const long = { ...scenario, name: "long M/M/2 on the server", seed: 78, run: { requests: 2_000_000 } };
    const { page, errors, close } = await open(`${site.origin}/playground/${scenarioFragment(long)}`);
    await page.locator(".cm-content").waitFor();
    await page.evaluate(() => {
      const line = document.querySelector("[data-share-progress]")!;
      const seen: string[] = [];
      (window as unknown as { shareTexts: string[] }).shareTexts = seen;
      new MutationObserver(() => seen.push(line.textContent ?? "")).observe(line, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    await page.locator("[data-action=share]").click();
    const link = page.locator("[data-share-link]");
    await link.waitFor({ timeout: 30_000 });
    const id = /\/r\/([0-9a-f]+)$/.exec((await link.getAttribute("href")) ?? "")![1]!;
    await expect
      .poll(() => page.locator("[data-share-progress]").textContent(), { timeout: 120_000 })
      .toBe("The server's run is done: the link shows its result.");
    const texts = await page.evaluate(() => (window as unknown as { shareTexts: string[] }).shareTexts);
    const progress = texts.filter((t) => t.startsWith("The server's run: "));
    expect(progress.length).toBeGreaterThanOrEqual(1);
    for (const text of progress) expect(text).toMatch(/^The server's run: \d+% · [\d,]+ events$/);
    const run = await (await fetch(`${site.origin}/v1/runs/${id}`)).json();
    expect(run.status).toBe("done");
    expect(errors).toEqual([]);
    await close();
  }, 180_000);
});
