// <overload-widget>: the overload widget.
import { SimWidget } from "../sim-widget";

customElements.define("overload-widget", class extends SimWidget {});
