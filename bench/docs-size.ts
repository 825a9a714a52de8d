// The docs site's JavaScript budget: compressed JS a page loads (its scripts, the chunks they import
// statically, and the simulation Worker; a chunk behind a dynamic import is listed apart, as fetched on use), against 200 KB for a page with one widget and 280 KB for the playground,
// whose editor (CodeMirror 6 and its JSON language) no other page loads. The playground's Worker
// carries the whole engine, every component kind and the explorer, so that any document runs there:
// about 118 KB of it at engine 0.4.0, with 17 kinds; the editor and its page about 130 KB. Run after building the site:
//   node --import tsx bench/docs-size.ts
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";

const DIST = join(import.meta.dirname, "../apps/docs/dist");
const BUDGET = 200 * 1024;
const PLAYGROUND_BUDGET = 280 * 1024;
const ASSET = /\/_astro\/[\w.-]+\.js/g;

/** A chunk imported by `import("./chunk.js")`: fetched when the code that needs it first runs, not with the page. */
const DYNAMIC = /import\(\s*["'`]\.\/([\w.-]+\.js)["'`]\s*\)/g;

/**
 * The JavaScript files a page loads (`initial`: its scripts, the chunks they import statically, the
 * Worker they start) and those it fetches only on use (`onUse`: reached through a dynamic import).
 */
async function jsClosure(html: string): Promise<{ initial: Set<string>; onUse: Set<string> }> {
  const initial = new Set<string>();
  const onUse = new Set<string>();
  const queue = [...html.matchAll(ASSET)].map((m): [string, boolean] => [m[0], false]);
  while (queue.length > 0) {
    const [asset, lazy] = queue.pop()!;
    if (initial.has(asset) || (lazy && onUse.has(asset))) continue;
    onUse.delete(asset);
    (lazy ? onUse : initial).add(asset);
    const js = await readFile(join(DIST, asset), "utf8");
    for (const m of js.matchAll(DYNAMIC)) queue.push([`/_astro/${m[1]}`, true]);
    const statics = js.replace(DYNAMIC, "");
    // Chunks import one another by relative name ("./chunk.js") or by absolute path.
    for (const m of statics.matchAll(/["'`]\.\/([\w.-]+\.js)["'`]/g)) queue.push([`/_astro/${m[1]}`, lazy]);
    for (const m of statics.matchAll(ASSET)) queue.push([m[0], lazy]);
  }
  return { initial, onUse };
}

const pages = (await readdir(DIST, { recursive: true, withFileTypes: true }))
  .filter((e) => e.isFile() && e.name === "index.html" && !e.parentPath.includes("pagefind"))
  .map((e) => join(e.parentPath, e.name));

let worst = { page: "", widgets: 0, gzip: 0 };
let playground = -1;
const loadedOnUse: string[] = [];
console.log("page".padEnd(48), "widgets", "files", "raw KB", "gzip KB", "brotli KB", "editor");
for (const file of pages.sort()) {
  const html = await readFile(file, "utf8");
  const { initial: assets, onUse } = await jsClosure(html);
  // Scripts inlined into the page (the theme switch, small islands) count too.
  const inline = Buffer.from(
    [...html.matchAll(/<script(?![^>]*application\/json)[^>]*>([\s\S]*?)<\/script>/g)]
      .map((m) => m[1])
      .join("\n"),
  );
  let raw = inline.length;
  let gzip = gzipSync(inline, { level: 9 }).length;
  let brotli = brotliCompressSync(inline).length;
  // The editor (CodeMirror) is the playground's alone; its class names mark the files that carry it.
  let editor = false;
  for (const asset of assets) {
    const bytes = await readFile(join(DIST, asset));
    editor ||= bytes.includes("cm-editor");
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
    brotli += brotliCompressSync(bytes).length;
  }
  // Files fetched on use are not part of the page's load, but the editor must not hide among them.
  let later = 0;
  for (const asset of onUse) {
    const bytes = await readFile(join(DIST, asset));
    editor ||= bytes.includes("cm-editor");
    later += gzipSync(bytes, { level: 9 }).length;
  }
  const widgets = html.match(/data-widget="/g)?.length ?? 0;
  const page = `/${relative(DIST, file).split(sep).join("/")}`.replace(/index\.html$/, "");
  console.log(
    page.padEnd(48),
    String(widgets).padStart(7),
    String(assets.size).padStart(5),
    (raw / 1024).toFixed(1).padStart(6),
    (gzip / 1024).toFixed(1).padStart(7),
    (brotli / 1024).toFixed(1).padStart(9),
    editor ? "   yes" : "    no",
  );
  if (onUse.size > 0)
    loadedOnUse.push(
      `${page} ${onUse.size} file${onUse.size === 1 ? "" : "s"}, ${(later / 1024).toFixed(1)} KB gzip`,
    );
  if (widgets === 1 && gzip > worst.gzip) worst = { page, widgets, gzip };
  if (page === "/playground/") playground = gzip;
}
if (loadedOnUse.length > 0)
  console.log(`\nfetched on use (dynamic import), not counted above:\n  ${loadedOnUse.join("\n  ")}`);
if (worst.page !== "") {
  const verdict = worst.gzip <= BUDGET ? "within" : "OVER";
  console.log(
    `\nheaviest one-widget page: ${worst.page} ${(worst.gzip / 1024).toFixed(1)} KB gzip — ${verdict} the 200 KB budget`,
  );
  if (worst.gzip > BUDGET) process.exitCode = 1;
}
if (playground >= 0) {
  const verdict = playground <= PLAYGROUND_BUDGET ? "within" : "OVER";
  console.log(`playground: ${(playground / 1024).toFixed(1)} KB gzip — ${verdict} the 280 KB budget`);
  if (playground > PLAYGROUND_BUDGET) process.exitCode = 1;
}
