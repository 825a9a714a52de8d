// <race-explorer-widget>: every interleaving of a racy program, explored in the Worker.
import { SimWidget } from "../sim-widget";

customElements.define("race-explorer-widget", class extends SimWidget {});
