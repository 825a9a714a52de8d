// <blocking-io-widget>: one thread blocking vs non-blocking on the same requests.
import { SimWidget } from "../sim-widget";

customElements.define("blocking-io-widget", class extends SimWidget {});
