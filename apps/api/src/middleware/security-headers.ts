// Security headers on every answer, through Hono's secure-headers middleware: nosniff, no framing
// (frame-ancestors 'none' and X-Frame-Options), no referrer, and a Content-Security-Policy that
// allows only what each kind of answer loads:
// - the API's JSON, event streams, SVG charts and share cards (PNG) load nothing, so nothing at all
//   is allowed;
// - a share page (/r/:id) is HTML with inline SVG and one <style> element, allowed by its hash,
//   and, while its run is unfinished, one script (also by hash) that reads the run's event stream
//   from this origin; a traced run's page loads its topology animation as module scripts from
//   this origin (/r/assets/), which then reads the run's JSON;
// - the docs site loads its own scripts, styles, Web Worker and pagefind's WebAssembly from its
//   origin; its inline scripts (the theme script, Astro's hoisted modules) are allowed by hash.

import type { Context, MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { isApiPath } from "../routes/docs-site";
import { sharePageScriptHash, sharePageStyleHash } from "../share/share-page";

const none = ["'none'"];
const common = {
  xFrameOptions: "DENY",
  referrerPolicy: "no-referrer",
} as const;

export function securityHeaders(docsInlineScripts: readonly string[]): MiddlewareHandler {
  const api = secureHeaders({
    ...common,
    // Charts and results may be embedded or read from anywhere; CORS governs scripts' reads.
    crossOriginResourcePolicy: "cross-origin",
    contentSecurityPolicy: { defaultSrc: none, frameAncestors: none, baseUri: none, formAction: none },
  });
  const share = secureHeaders({
    ...common,
    contentSecurityPolicy: {
      defaultSrc: none,
      styleSrc: [sharePageStyleHash],
      scriptSrc: [sharePageScriptHash, "'self'"],
      connectSrc: ["'self'"],
      imgSrc: ["'self'"],
      frameAncestors: none,
      baseUri: none,
      formAction: none,
    },
  });
  const docs = secureHeaders({
    ...common,
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      // pagefind's search index runs as WebAssembly, which needs 'wasm-unsafe-eval' (not 'unsafe-eval').
      scriptSrc: ["'self'", "'wasm-unsafe-eval'", ...docsInlineScripts],
      // Highlighted code carries its colours in style attributes and widgets style charts at run
      // time; styles cannot run code, so inline ones are allowed where scripts are not.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:"],
      workerSrc: ["'self'"],
      objectSrc: none,
      frameAncestors: none,
      baseUri: ["'self'"],
      formAction: ["'self'"],
    },
  });
  return function securityHeadersMiddleware(c: Context, next) {
    // A share page's card is an image like the charts: it loads nothing and may be shown anywhere.
    if (c.req.path.startsWith("/r/") && !c.req.path.endsWith("/card.png")) return share(c, next);
    return isApiPath(c) ? api(c, next) : docs(c, next);
  };
}
