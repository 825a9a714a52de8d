// <connection-pools-widget>: the connection pools widget.
import { SimWidget } from "../sim-widget";

customElements.define("connection-pools-widget", class extends SimWidget {});
