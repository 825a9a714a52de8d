// <retry-storm-widget>: the retry storm widget.
import { SimWidget } from "../sim-widget";

customElements.define("retry-storm-widget", class extends SimWidget {});
