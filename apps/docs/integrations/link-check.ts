// Fails the build when a built page links to a file of the site that does not exist.
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";

export interface BrokenLink {
  page: string; // the HTML file, relative to the site root
  target: string; // the href or src as written
}

// Attributes that point at other files of the site; srcset is split on commas.
const LINK_ATTRIBUTE = /\s(?:href|src|srcset)\s*=\s*"([^"]*)"/g;

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => join(entry.parentPath, entry.name));
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** The file a site path is served from: /a/ → a/index.html, /a → a or a.html or a/index.html. */
async function resolves(siteRoot: string, pathname: string): Promise<boolean> {
  const decoded = decodeURIComponent(pathname);
  const base = join(siteRoot, decoded);
  if (decoded.endsWith("/")) return exists(join(base, "index.html"));
  return (await exists(join(base))) || (await exists(`${base}.html`)) || exists(join(base, "index.html"));
}

function internalTargets(html: string): string[] {
  const targets: string[] = [];
  for (const match of html.matchAll(LINK_ATTRIBUTE)) {
    const raw = match[1] ?? "";
    const candidates = match[0].includes("srcset")
      ? raw.split(",").map((s) => s.trim().split(/\s+/)[0] ?? "")
      : [raw];
    for (const candidate of candidates) {
      if (candidate === "" || candidate.startsWith("#")) continue;
      if (/^[a-z][a-z0-9+.-]*:/i.test(candidate) || candidate.startsWith("//")) continue; // external or mailto:
      targets.push(candidate);
    }
  }
  return targets;
}

/**
 * Every internal link in the built site whose target is missing. Paths under `ignore` (served by
 * something other than the static site, such as the API's /v1 and /r routes) are not checked.
 */
export async function findBrokenLinks(siteRoot: string, ignore: string[] = []): Promise<BrokenLink[]> {
  const broken: BrokenLink[] = [];
  for (const file of await htmlFiles(siteRoot)) {
    const html = await readFile(file, "utf8");
    const page = relative(siteRoot, file).split(sep).join("/");
    const pageUrl = new URL(`http://site/${page}`);
    for (const target of internalTargets(html)) {
      const url = new URL(target.replaceAll("&amp;", "&"), pageUrl);
      if (ignore.some((prefix) => url.pathname.startsWith(prefix))) continue;
      if (!(await resolves(siteRoot, url.pathname))) broken.push({ page, target });
    }
  }
  return broken;
}

/** The Astro integration: runs after the build and throws, listing every broken link. */
export function linkCheck(options: { ignore?: string[] } = {}): AstroIntegration {
  return {
    name: "syslab-link-check",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const broken = await findBrokenLinks(fileURLToPath(dir), options.ignore ?? []);
        if (broken.length > 0) {
          const lines = broken.map((link) => `  ${link.page}: ${link.target}`).join("\n");
          throw new Error(`${broken.length} broken internal link(s):\n${lines}`);
        }
        logger.info("every internal link resolves");
      },
    },
  };
}
