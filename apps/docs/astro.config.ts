// The syslab docs site: static output, MDX notes, and a build that fails on a broken internal link.
import mdx from "@astrojs/mdx";
import { defineConfig } from "astro/config";
import { linkCheck } from "./integrations/link-check";

export default defineConfig({
  output: "static",
  // Both code themes are emitted as CSS variables, so the site's theme switch recolours code too.
  markdown: { shikiConfig: { themes: { light: "github-light", dark: "github-dark" }, defaultColor: false } },
  trailingSlash: "ignore",
  // /pagefind is written after astro build; /v1 and /r are served by the API on the same port.
  integrations: [mdx(), linkCheck({ ignore: ["/pagefind/", "/v1/", "/r/", "/openapi.json", "/healthz"] })],
  vite: {
    worker: { format: "es" },
  },
});
