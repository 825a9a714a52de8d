// Compiled from apps/api/src/share/browser/topology-animation.ts: edit that, then run UPDATE_SHARE_ASSETS=1 npx vitest run test/api/share/share-assets.test.ts
// The share page's animation script (served as /r/assets/topology-animation.js): it finds the
// page's topology figure, fetches the run's traced requests from the API and animates them over
// the diagram the server drew. Without scripts, or when the fetch fails, the diagram stays as it is.
import { mountTopologyPlayer } from "./topology-player.js";
const figure = document.querySelector("[data-topology-animation]");
if (figure?.dataset.layout && figure.dataset.run) {
    const layout = JSON.parse(figure.dataset.layout);
    fetch(figure.dataset.run, { headers: { Accept: "application/json" } })
        .then((response) => response.json())
        .then((run) => mountTopologyPlayer(figure, layout, run.result?.trace?.requests ?? []))
        .catch(() => {
        figure.dataset.animation = "unavailable";
    });
}
