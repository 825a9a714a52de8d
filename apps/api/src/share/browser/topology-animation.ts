// The share page's animation script (served as /r/assets/topology-animation.js): it finds the
// page's topology figure, fetches the run's traced requests from the API and animates them over
// the diagram the server drew. Without scripts, or when the fetch fails, the diagram stays as it is.

import { mountTopologyPlayer } from "@syslab/charts/topology-player";

const figure = document.querySelector<HTMLElement>("[data-topology-animation]");
if (figure?.dataset.layout && figure.dataset.run) {
  const layout = JSON.parse(figure.dataset.layout);
  fetch(figure.dataset.run, { headers: { Accept: "application/json" } })
    .then((response) => response.json())
    .then((run) => mountTopologyPlayer(figure, layout, run.result?.trace?.requests ?? []))
    .catch(() => {
      figure.dataset.animation = "unavailable";
    });
}
