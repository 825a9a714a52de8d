// <threads-vs-cores-widget>: the thread-count sweep widget.
import { SimWidget } from "../sim-widget";

customElements.define("threads-vs-cores-widget", class extends SimWidget {});
