// The syslab docs site: static output, MDX notes, and a build that fails on a broken internal link.
import mdx from "@astrojs/mdx";
import { defineConfig, envField } from "astro/config";
import { focusableCodeBlock } from "./integrations/focusable-code-block";
import { linkCheck } from "./integrations/link-check";
import { scrollableTables } from "./integrations/scrollable-tables";

export default defineConfig({
  output: "static",
  markdown: {
    rehypePlugins: [scrollableTables],
    shikiConfig: {
      // Both code themes are emitted as CSS variables, so the site's theme switch recolours code too.
      // The high-contrast GitHub themes keep every token at 4.5:1 or more on the code background
      // (the plain ones put comments and strings at 3.3–4.4:1).
      themes: { light: "github-light-high-contrast", dark: "github-dark-high-contrast" },
      defaultColor: false,
      // A code block that scrolls sideways must be reachable by keyboard to be scrolled.
      transformers: [focusableCodeBlock],
    },
  },
  trailingSlash: "ignore",
  env: {
    schema: {
      // Where "Share" and "Copy as curl" send runs: the API's base URL, set when the site is built
      // to be hosted apart from the API (e.g. SYSLAB_API_URL=https://api.example.org npm run build).
      // Absent: the API that serves the site, on the same origin.
      SYSLAB_API_URL: envField.string({ context: "client", access: "public", optional: true, url: true }),
    },
  },
  // /pagefind is written after astro build; /v1 and /r are served by the API on the same port.
  integrations: [mdx(), linkCheck({ ignore: ["/pagefind/", "/v1/", "/r/", "/openapi.json", "/healthz"] })],
  vite: {
    worker: { format: "es" },
  },
});
