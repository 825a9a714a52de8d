// Security headers on every answer: nosniff, no framing (frame-ancestors 'none' and X-Frame-Options),
// no referrer, the rest of Hono's secure-headers defaults, and a Content-Security-Policy that allows only what
// each kind of answer loads:
// - the API's JSON, event streams, SVG charts and share cards (PNG) load nothing, so nothing at all
//   is allowed;
// - a share page (/r/:id) is HTML with inline SVG and one <style> element, allowed by its hash,
//   and, while its run is unfinished, one script (also by hash) that reads the run's event stream
//   from this origin; a traced run's page loads its topology animation as module scripts from
//   this origin (/r/assets/), which then reads the run's JSON;
// - the docs site loads its own scripts, styles, Web Worker and pagefind's WebAssembly from its
//   origin; its inline scripts (the theme script, Astro's hoisted modules) are allowed by hash.
// Each kind's set is built once, frozen; a request picks one by its path and stages it (see
// staged-headers.ts), so the hot routes copy it into their answers in one step with their own headers.

import type { MiddlewareHandler } from "hono";
import { type HeaderSet, settleHeaders, stageHeaders } from "../http/staged-headers";
import { isApiPath } from "../routes/docs-site";
import { sharePageScriptHash, sharePageStyleHash } from "../share/share-page";

type Policy = Readonly<Record<string, readonly string[]>>;

const none = ["'none'"];

/** The set every answer carries (the names and values Hono's secure-headers middleware used), with `csp`. */
function headerSet(csp: Policy, crossOriginResourcePolicy: "same-origin" | "cross-origin"): HeaderSet {
  const policy = Object.entries(csp)
    .map(([directive, sources]) => [directive, ...sources].join(" "))
    .join("; ");
  return Object.freeze({
    "content-security-policy": policy,
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": crossOriginResourcePolicy,
    "origin-agent-cluster": "?1",
    "referrer-policy": "no-referrer",
    "strict-transport-security": "max-age=15552000; includeSubDomains",
    "x-content-type-options": "nosniff",
    "x-dns-prefetch-control": "off",
    "x-download-options": "noopen",
    "x-frame-options": "DENY",
    "x-permitted-cross-domain-policies": "none",
    "x-xss-protection": "0",
  });
}

export function securityHeaders(docsInlineScripts: readonly string[]): MiddlewareHandler {
  // Charts and results may be embedded or read from anywhere; CORS governs scripts' reads.
  const api = headerSet(
    { "default-src": none, "frame-ancestors": none, "base-uri": none, "form-action": none },
    "cross-origin",
  );
  const share = headerSet(
    {
      "default-src": none,
      "style-src": [sharePageStyleHash],
      "script-src": [sharePageScriptHash, "'self'"],
      "connect-src": ["'self'"],
      "img-src": ["'self'"],
      "frame-ancestors": none,
      "base-uri": none,
      "form-action": none,
    },
    "same-origin",
  );
  const docs = headerSet(
    {
      "default-src": ["'self'"],
      // pagefind's search index runs as WebAssembly, which needs 'wasm-unsafe-eval' (not 'unsafe-eval').
      "script-src": ["'self'", "'wasm-unsafe-eval'", ...docsInlineScripts],
      // Highlighted code carries its colours in style attributes and widgets style charts at run
      // time; styles cannot run code, so inline ones are allowed where scripts are not.
      "style-src": ["'self'", "'unsafe-inline'"],
      "img-src": ["'self'", "data:"],
      "worker-src": ["'self'"],
      "object-src": none,
      "frame-ancestors": none,
      "base-uri": ["'self'"],
      "form-action": ["'self'"],
    },
    "same-origin",
  );
  return async function securityHeadersMiddleware(c, next) {
    const path = c.req.path;
    // A share page's card is an image like the charts: it loads nothing and may be shown anywhere.
    const set = path.startsWith("/r/") && !path.endsWith("/card.png") ? share : isApiPath(c) ? api : docs;
    stageHeaders(c, set);
    await next();
    settleHeaders(c, set);
  };
}
