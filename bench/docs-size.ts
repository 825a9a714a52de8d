// The docs site's JavaScript budget: compressed JS a page loads (its scripts, the chunks they import,
// and the simulation Worker), against 200 KB for a page with one widget and 280 KB for the playground,
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

async function jsClosure(html: string): Promise<Set<string>> {
  const seen = new Set<string>();
  const queue = [...html.matchAll(ASSET)].map((m) => m[0]);
  while (queue.length > 0) {
    const asset = queue.pop()!;
    if (seen.has(asset)) continue;
    seen.add(asset);
    const js = await readFile(join(DIST, asset), "utf8");
    // Chunks import one another by relative name ("./chunk.js") or by absolute path.
    for (const m of js.matchAll(/["'`]\.\/([\w.-]+\.js)["'`]/g)) queue.push(`/_astro/${m[1]}`);
    for (const m of js.matchAll(ASSET)) queue.push(m[0]);
  }
  return seen;
}

const pages = (await readdir(DIST, { recursive: true, withFileTypes: true }))
  .filter((e) => e.isFile() && e.name === "index.html" && !e.parentPath.includes("pagefind"))
  .map((e) => join(e.parentPath, e.name));

let worst = { page: "", widgets: 0, gzip: 0 };
let playground = -1;
console.log("page".padEnd(48), "widgets", "files", "raw KB", "gzip KB", "brotli KB", "editor");
for (const file of pages.sort()) {
  const html = await readFile(file, "utf8");
  const assets = await jsClosure(html);
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
  if (widgets === 1 && gzip > worst.gzip) worst = { page, widgets, gzip };
  if (page === "/playground/") playground = gzip;
}
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
