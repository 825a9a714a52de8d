// <caching-miss-ratio-widget>: the caching note's miss-ratio widget.
import { SimWidget } from "../sim-widget";

customElements.define("caching-miss-ratio-widget", class extends SimWidget {});
