// <caching-staleness-widget>: the caching note's staleness widget.
import { SimWidget } from "../sim-widget";

customElements.define("caching-staleness-widget", class extends SimWidget {});
