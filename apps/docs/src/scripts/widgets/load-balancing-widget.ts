// <load-balancing-widget>: the balancing algorithms widget.
import { SimWidget } from "../sim-widget";

customElements.define("load-balancing-widget", class extends SimWidget {});
