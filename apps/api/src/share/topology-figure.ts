// A run's topology on its share page: the diagram drawn here, on the server, which is all a reader
// without scripts sees; for a traced run, the figure also names the run's JSON and carries the
// layout, from which the page's one external script (/r/assets/topology-animation.js) animates the
// traced requests over the same diagram.

import { escapeXml as esc, topologyLayout, topologySvg } from "@syslab/charts";
import type { Result } from "@syslab/sim-core";

/** Where the share page's scripts are served from (routes/share.ts). */
export const shareAssetsPath = "/r/assets";

/** The topology figure of a canonical scenario, animated when the result holds traces; "" when there is nothing to draw. */
export function topologyFigureHtml(canonical: unknown, result: Result | undefined, runUrl: string): string {
  const layout = topologyLayout(canonical);
  if (layout === undefined) return "";
  const traced = result?.trace?.requests.length ?? 0;
  const caption = traced
    ? `How the components are wired. With scripts on, the ${traced.toLocaleString("en-US")} traced requests move through it over the traced window; without them this is the diagram alone.`
    : "How the components are wired: requests go from the clients to the entry, and each component calls the ones its arrows point to.";
  const animated = traced
    ? ` data-topology-animation data-run="${esc(runUrl)}" data-layout="${esc(JSON.stringify(layout))}"`
    : "";
  return `<figure class="topology"${animated}>${topologySvg(layout)}<figcaption>${esc(caption)}</figcaption></figure>`;
}

/** The script tag a page with an animated topology needs (an external module: the page's policy allows no inline script). */
export function topologyScriptHtml(result: Result | undefined): string {
  return result?.trace?.requests.length
    ? `<script type="module" src="${shareAssetsPath}/topology-animation.js"></script>`
    : "";
}
