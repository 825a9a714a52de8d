// <hockey-stick-widget>: the utilisation vs latency widget.
import { SimWidget } from "../sim-widget";

customElements.define("hockey-stick-widget", class extends SimWidget {});
