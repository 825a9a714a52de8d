// A topology layout as a static SVG diagram: a box per component (its name and kind), an arrow per
// wiring. It is what a page shows without scripts, and the backdrop an animation draws requests on:
// each node's box carries its index and centre as data attributes.

import { escapeXml as esc } from "./escape-xml";
import { ink, palette } from "./palette";
import type { TopologyLayout } from "./topology-layout";

/** `id` prefixes the SVG's own ids (its title and arrow marker), so two diagrams on a page stay apart. */
export function topologySvg(layout: TopologyLayout, id = "topology"): string {
  const { width, height, nodeWidth: w, nodeHeight: h, nodes, edges } = layout;
  const title = `Topology: ${edges.map((e) => `${nodes[e.from]!.name} → ${nodes[e.to]!.name}`).join(", ")}`;
  const arrows = edges
    .map(({ from, to }) => {
      const a = nodes[from]!;
      const b = nodes[to]!;
      // From the right edge of the caller's box to the left edge of the callee's (a back edge: the other way).
      const forward = b.x > a.x;
      const x1 = a.x + (forward ? w / 2 : b.x === a.x ? 0 : -w / 2);
      const x2 = b.x + (forward ? -w / 2 : b.x === a.x ? 0 : w / 2);
      const y1 = a.y + (b.x === a.x ? Math.sign(b.y - a.y) * (h / 2) : 0);
      const y2 = b.y - (b.x === a.x ? Math.sign(b.y - a.y) * (h / 2) : 0);
      return `<line class="topology-edge" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${ink.axis}" stroke-width="1.5" marker-end="url(#${id}-arrow)"/>`;
    })
    .join("");
  const boxes = nodes
    .map(
      (n, i) =>
        `<g class="topology-node" data-node="${i}" data-name="${esc(n.name)}" data-x="${n.x}" data-y="${n.y}">` +
        `<rect x="${n.x - w / 2}" y="${n.y - h / 2}" width="${w}" height="${h}" rx="6" fill="#fff" stroke="${i === 0 ? ink.muted : palette[0]}" stroke-width="1.5"/>` +
        `<text x="${n.x}" y="${n.y - 3}" text-anchor="middle" font-size="13" font-weight="600" fill="${ink.text}">${esc(n.name)}</text>` +
        `<text x="${n.x}" y="${n.y + 13}" text-anchor="middle" font-size="11" fill="${ink.muted}">${esc(n.kind)}</text></g>`,
    )
    .join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title" font-family="system-ui, sans-serif">` +
    `<title id="${id}-title">${esc(title)}</title>` +
    `<defs><marker id="${id}-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${ink.axis}"/></marker></defs>` +
    `${arrows}${boxes}</svg>`
  );
}
