// The CSP hashes ('sha256-…') of the inline scripts in a built static site, read from its HTML
// files at start, so that the site's Content-Security-Policy can allow exactly those scripts (the
// theme script that runs before first paint, Astro's small hoisted modules) and no others.

import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

// <script> elements without src; their type, when given, says whether the browser runs them.
const inlineScript = /<script((?:\s+[^>]*)?)>([\s\S]*?)<\/script\s*>/gi;
const runnable = /^(|text\/javascript|module|application\/javascript)$/i;

function isRunnable(attributes: string): boolean {
  if (/\ssrc\s*=/i.test(attributes)) return false;
  const type = /\stype\s*=\s*["']?([^"'\s>]*)/i.exec(attributes)?.[1] ?? "";
  return runnable.test(type);
}

export function inlineScriptHashes(siteDir: string): string[] {
  if (!existsSync(siteDir)) return [];
  const hashes = new Set<string>();
  const pages = readdirSync(siteDir, { recursive: true, encoding: "utf8" }).filter((f) =>
    f.endsWith(".html"),
  );
  for (const page of pages) {
    for (const [, attributes = "", body = ""] of readFileSync(join(siteDir, page), "utf8").matchAll(
      inlineScript,
    )) {
      if (isRunnable(attributes))
        hashes.add(`'sha256-${createHash("sha256").update(body).digest("base64")}'`);
    }
  }
  return [...hashes].sort();
}
