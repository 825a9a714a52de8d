// <dead-letters-widget>: poison messages, their attempts and the dead-letter queue.
import { SimWidget } from "../sim-widget";

customElements.define("dead-letters-widget", class extends SimWidget {});
