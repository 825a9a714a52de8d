// The playground's animated topology, loaded by dynamic import the first time a traced run is shown
// (it is not part of the page's first load): the diagram as SVG, then the animation over it.
import { type TopologyLayout, type TracedRequest, topologySvg } from "@syslab/charts";
import { mountTopologyPlayer } from "@syslab/charts/topology-player";

/** Draws `layout` into `figure` (before its caption) and animates `requests` over it; returns what removes both. */
export function showTopology(
  figure: HTMLElement,
  layout: TopologyLayout,
  requests: readonly TracedRequest[],
): () => void {
  const holder = document.createElement("div");
  holder.innerHTML = topologySvg(layout, "playground-topology");
  figure.prepend(holder);
  const unmount = mountTopologyPlayer(figure, layout, requests);
  return () => {
    unmount();
    holder.remove();
  };
}
