// <deadlock-explorer-widget>: programs that deadlock or livelock, and their fixes, explored in the Worker.
import { SimWidget } from "../sim-widget";

customElements.define("deadlock-explorer-widget", class extends SimWidget {});
