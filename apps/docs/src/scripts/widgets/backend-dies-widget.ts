// <backend-dies-widget>: the dead backend and health checks widget.
import { SimWidget } from "../sim-widget";

customElements.define("backend-dies-widget", class extends SimWidget {});
