// <caching-stampede-widget>: the caching note's stampede widget.
import { SimWidget } from "../sim-widget";

customElements.define("caching-stampede-widget", class extends SimWidget {});
