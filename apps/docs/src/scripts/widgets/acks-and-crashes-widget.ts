// <acks-and-crashes-widget>: a worker crash with early vs late acks, and visibility timeouts shorter than tasks.
import { SimWidget } from "../sim-widget";

customElements.define("acks-and-crashes-widget", class extends SimWidget {});
