// A Shiki transformer that puts highlighted code blocks in the tab order: a <pre> that scrolls
// sideways can then be scrolled with the arrow keys (WCAG 2.1.1; axe's scrollable-region-focusable).
import type { ShikiConfig } from "astro";

type ShikiTransformer = NonNullable<ShikiConfig["transformers"]>[number];

export const focusableCodeBlock: ShikiTransformer = {
  name: "syslab:focusable-code-block",
  pre(node) {
    node.properties.tabindex = "0";
  },
};
