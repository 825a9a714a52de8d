// <lock-contention-widget>: a contended lock as a one-server queue.
import { SimWidget } from "../sim-widget";

customElements.define("lock-contention-widget", class extends SimWidget {});
