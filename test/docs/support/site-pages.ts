// The pages of the built docs site, read from apps/docs/dist: every page, and those that hold widgets.
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { DOCS_DIST } from "./docs-server";

/** Every page of the built site, as a URL path. */
export async function sitePages(): Promise<string[]> {
  const entries = await readdir(DOCS_DIST, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name === "index.html")
    .map((e) =>
      `/${relative(DOCS_DIST, join(e.parentPath, e.name)).split(sep).join("/")}`.replace(/index\.html$/, ""),
    )
    .filter((path) => !path.startsWith("/pagefind/"))
    .sort();
}

/** The pages that hold widgets, with each widget's name, read from the built HTML. */
export async function widgetPages(): Promise<{ path: string; widgets: string[] }[]> {
  const found: { path: string; widgets: string[] }[] = [];
  for (const path of await sitePages()) {
    const html = await readFile(join(DOCS_DIST, path, "index.html"), "utf8");
    const widgets = [...html.matchAll(/data-widget="([^"]+)"/g)].map((m) => m[1]!);
    if (widgets.length > 0) found.push({ path, widgets });
  }
  return found;
}
