// <architectures-widget>: the server architectures widget.
import { SimWidget } from "../sim-widget";

customElements.define("architectures-widget", class extends SimWidget {});
