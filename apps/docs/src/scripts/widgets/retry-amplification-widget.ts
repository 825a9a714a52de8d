// <retry-amplification-widget>: the retry amplification widget.
import { SimWidget } from "../sim-widget";

customElements.define("retry-amplification-widget", class extends SimWidget {});
