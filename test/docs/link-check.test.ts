// The docs build's broken-link check: it passes a site whose links resolve and fails one that has a broken link.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { findBrokenLinks, linkCheck } from "../../apps/docs/integrations/link-check";

let site: string;

async function page(path: string, html: string): Promise<void> {
  await mkdir(join(site, path, ".."), { recursive: true });
  await writeFile(join(site, path), html);
}

async function makeSite(links: string): Promise<void> {
  site = await mkdtemp(join(tmpdir(), "syslab-links-"));
  await page(
    "index.html",
    `<a href="/notes/a/">A</a><link href="/_astro/site.css" rel="stylesheet">${links}`,
  );
  await page(
    "notes/a/index.html",
    `<a href="../b/">B</a><a href="#top">top</a><img src="/chart.svg" alt="">`,
  );
  await page("notes/b/index.html", `<a href="https://example.com/x">out</a><a href="mailto:a@b.c">mail</a>`);
  await page("_astro/site.css", "body{}");
  await page("chart.svg", "<svg/>");
}

afterEach(async () => {
  await rm(site, { recursive: true, force: true });
});

describe("link check", () => {
  it("finds nothing wrong when every internal link resolves", async () => {
    await makeSite(`<a href="/notes/b">B without a slash</a><a href="/v1/runs">API</a>`);
    expect(await findBrokenLinks(site, ["/v1/"])).toEqual([]);
  });

  it("reports a link to a page that does not exist, naming the page and the target", async () => {
    await makeSite(`<a href="/notes/missing/">gone</a><script src="/_astro/nope.js"></script>`);
    expect(await findBrokenLinks(site)).toEqual([
      { page: "index.html", target: "/notes/missing/" },
      { page: "index.html", target: "/_astro/nope.js" },
    ]);
  });

  it("fails the build through the astro:build:done hook", async () => {
    await makeSite(`<a href="/notes/c/">typo</a>`);
    const hook = linkCheck().hooks["astro:build:done"]!;
    const logger = { info: () => undefined } as never;
    await expect(hook({ dir: pathToFileURL(`${site}/`), logger } as never)).rejects.toThrow(
      /1 broken internal link\(s\):\n {2}index\.html: \/notes\/c\//,
    );
  });
});
