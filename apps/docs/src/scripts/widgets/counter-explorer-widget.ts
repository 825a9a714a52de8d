// <counter-explorer-widget>: a shared counter's increment, racy, locked and atomic, explored in the Worker.
import { SimWidget } from "../sim-widget";

customElements.define("counter-explorer-widget", class extends SimWidget {});
