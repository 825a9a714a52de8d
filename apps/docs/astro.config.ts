// The syslab docs site: static output, MDX notes, and a build that fails on a broken internal link.
import mdx from "@astrojs/mdx";
import { defineConfig } from "astro/config";
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
  // /pagefind is written after astro build; /v1 and /r are served by the API on the same port.
  integrations: [mdx(), linkCheck({ ignore: ["/pagefind/", "/v1/", "/r/", "/openapi.json", "/healthz"] })],
  vite: {
    worker: { format: "es" },
  },
});
